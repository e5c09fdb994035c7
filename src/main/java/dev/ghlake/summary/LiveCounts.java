package dev.ghlake.summary;

import dev.ghlake.model.Counters;

/**
 * How far a run got by its live counters: what a failed run can still say about itself. Counters
 * are attempted values (a retried bundle counts twice), so they are reported as approximate.
 */
public record LiveCounts(long read, long written, long sourceBytes) {
  public static LiveCounts of(RunCounts counts) {
    return new LiveCounts(counts.get(Counters.READ), counts.get(Counters.WRITTEN),
        counts.get(Counters.BYTES_READ));
  }
}
