package dev.ghlake.run;

import dev.ghlake.model.Accounting;
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
      long read = live.get(Accounting.READ);
      double rate = (read - lastRead) / Math.max(1e-9, (now - lastNanos) / 1e9);
      err.printf("[ghlake] %5.0fs  read %,d events (%,.0f/s, %,.1f MB)  files %d/%d  written %,d%n",
          (now - startNanos) / 1e9, read, rate, live.get(Accounting.BYTES_READ) / 1e6,
          live.get(Accounting.FILES_DONE), live.get(Accounting.FILES_OPENED),
          live.get(Accounting.WRITTEN));
      lastRead = read;
      lastNanos = now;
    }
  }
}
