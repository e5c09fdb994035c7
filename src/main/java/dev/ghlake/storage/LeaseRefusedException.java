package dev.ghlake.storage;

/** Another run holds a lease this run needs, and did not let go in time. */
public final class LeaseRefusedException extends RuntimeException {
  public LeaseRefusedException(String holder) {
    super("another run holds this window: " + holder + ". Both runs leave the lake whole; "
        + "run again when it has finished, or raise --leaseWaitSeconds to wait for it");
  }
}
