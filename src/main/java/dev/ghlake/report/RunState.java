package dev.ghlake.report;

import java.time.Instant;

/**
 * One run as the lake remembers it: its summary ({@code _runs/<run>/summary.json}), or, for runs
 * from before summaries were kept there, what its ledger says (no status, duration or cost).
 *
 * @param status {@code success}, {@code incomplete}, {@code failed}, …; null when unknown
 * @param seconds how long it took; negative when unknown
 * @param costUsd what it cost in US dollars; negative when unknown
 */
public record RunState(String runId, Instant started, String window, String status, double seconds,
    long read, long written, int partitions, double costUsd) {

  /** Events read per second; negative when unknown. */
  public double eventsPerSecond() {
    return seconds > 0 ? read / seconds : -1;
  }
}
