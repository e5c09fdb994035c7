package dev.ghlake.run;

import dev.ghlake.model.Counters;
import dev.ghlake.summary.RunCounts;
import java.io.PrintStream;
import org.apache.beam.sdk.PipelineResult;
import org.joda.time.Duration;

/** Waits for a running pipeline, printing a progress line every few seconds. */
public final class ProgressReporter {
  private final PrintStream err;
  private final int everySeconds;

  public ProgressReporter(PrintStream err, int everySeconds) {
    this.err = err;
    this.everySeconds = everySeconds;
  }

  /** Blocks until the pipeline ends; returns its final state. */
  public PipelineResult.State waitFor(PipelineResult result, long startNanos) {
    if (everySeconds <= 0) {
      return result.waitUntilFinish();
    }
    long lastRead = 0;
    long lastNanos = startNanos;
    while (true) {
      PipelineResult.State state = result.waitUntilFinish(Duration.standardSeconds(everySeconds));
      if (state != null && state.isTerminal()) {
        return state;
      }
      RunCounts live = RunCounts.live(result.metrics());
      long now = System.nanoTime();
      long read = live.get(Counters.READ);
      double rate = (read - lastRead) / Math.max(1e-9, (now - lastNanos) / 1e9);
      err.printf("[ghlake] %5.0fs  read %,d events (%,.0f/s, %,.1f MB)  sources %d/%d  staged %,d"
          + "  written %,d in %d files%n",
          (now - startNanos) / 1e9, read, rate, live.get(Counters.BYTES_READ) / 1e6,
          live.get(Counters.SOURCES_DONE), live.get(Counters.SOURCES_OPENED),
          live.get(Counters.STAGED), live.get(Counters.WRITTEN), live.get(Counters.FILES_WRITTEN));
      lastRead = read;
      lastNanos = now;
    }
  }
}
