package dev.ghlake.transform.normalize;

import dev.ghlake.model.RejectReason;

/** Thrown by the normaliser for a line that cannot become an event; becomes a dead letter. */
public final class NormalizationException extends Exception {
  private final RejectReason reason;

  public NormalizationException(RejectReason reason, String message) {
    super(message, null, false, false); // no stack trace: this is data, not a bug
    this.reason = reason;
  }

  public RejectReason reason() {
    return reason;
  }
}
