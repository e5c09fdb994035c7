package dev.ghlake.source;

import dev.ghlake.accounting.SourceOutcome;

/** How a stream of an archive file went: lines read, and why it broke (null if it did not). */
public record Streamed(long lines, String broke) {
  /** The unit's outcome, given its size. */
  public SourceOutcome outcome(SourceUnit unit, long bytes) {
    if (broke == null) {
      return SourceOutcome.read(unit.name(), unit.location(), unit.hour(), unit.role(), bytes, lines);
    }
    return new SourceOutcome(unit.name(), unit.location(), unit.hour(), unit.role(),
        SourceOutcome.Status.BROKEN, bytes, lines, broke);
  }
}
