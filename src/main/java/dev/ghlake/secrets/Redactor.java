package dev.ghlake.secrets;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Masks every secret this JVM has resolved in any text about to leave it: run reports, summaries,
 * Slack messages, error messages (an exception may quote a URL that holds a token).
 */
public final class Redactor {
  public static final String MASK = "***";
  private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();

  private Redactor() {}

  /** Adds a value to mask from now on (resolved secrets are added by themselves). */
  public static void remember(String secret) {
    if (secret != null && secret.length() >= 4) {
      SECRETS.add(secret);
    }
  }

  public static String redact(String text) {
    if (text == null || SECRETS.isEmpty()) {
      return text;
    }
    String out = text;
    for (String secret : SECRETS) {
      out = out.replace(secret, MASK);
    }
    return out;
  }
}
