package dev.ghlake.model;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Run ids that sort by start time and do not collide: {@code 20240701T083000Z-3fa2}. */
public final class RunIds {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final SecureRandom RANDOM = new SecureRandom();

  private RunIds() {}

  public static String next(Instant start) {
    return STAMP.format(start) + "-" + String.format("%04x", RANDOM.nextInt(0x10000));
  }

  /** When the run started, to the second, as its id says; null for an id ghlake did not make. */
  public static Instant startOf(String runId) {
    try {
      return STAMP.parse(runId.substring(0, 16), Instant::from);
    } catch (RuntimeException e) { // not one of ours
      return null;
    }
  }
}
