package dev.ghlake.secrets;

/** A secret could not be resolved; the message names the reference, never a value. */
public final class SecretException extends RuntimeException {
  SecretException(String message, Throwable cause) {
    super(message, cause);
  }
}
