package dev.ghlake.secrets;

/** A resolved secret. It never prints itself: {@code toString()} is {@code ***}. */
public final class Secret {
  private final String value;

  Secret(String value) {
    this.value = value;
    Redactor.remember(value);
  }

  /** The value itself, for the one place that must use it. */
  public String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return Redactor.MASK;
  }
}
