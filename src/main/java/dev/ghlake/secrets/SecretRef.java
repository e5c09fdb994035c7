package dev.ghlake.secrets;

/**
 * Names a secret without holding it: {@code env:NAME}, {@code file:/path},
 * {@code secretsmanager:<name-or-arn>[#json-key]} or {@code ssm:/parameter/name} (SecureString,
 * decrypted). A value that is not a reference is refused: secrets stay off command lines.
 */
public record SecretRef(Kind kind, String name, String jsonKey) {
  /** Where a secret lives. */
  public enum Kind {
    env, file, secretsmanager, ssm
  }

  public static SecretRef parse(String option, String reference) {
    int colon = reference == null ? -1 : reference.indexOf(':');
    Kind kind = null;
    if (colon > 0) {
      try {
        kind = Kind.valueOf(reference.substring(0, colon));
      } catch (IllegalArgumentException notAKind) {
        kind = null;
      }
    }
    if (kind == null || colon == reference.length() - 1) {
      throw new IllegalArgumentException("--" + option + " takes a secret reference, not a value: "
          + "env:NAME, file:/path, secretsmanager:<name-or-arn>[#json-key] or ssm:/parameter/name");
    }
    String rest = reference.substring(colon + 1);
    int hash = kind == Kind.secretsmanager ? rest.lastIndexOf('#') : -1;
    return hash > 0
        ? new SecretRef(kind, rest.substring(0, hash), rest.substring(hash + 1))
        : new SecretRef(kind, rest, null);
  }

  @Override
  public String toString() {
    return kind + ":" + name + (jsonKey == null ? "" : "#" + jsonKey);
  }
}
