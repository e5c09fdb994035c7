package dev.ghlake.backfill;

import dev.ghlake.run.LakeBatch;
import dev.ghlake.summary.BatchSummary;
import dev.ghlake.summary.RunSummary;
import java.io.PrintStream;
import java.time.Duration;

/** A line on stderr after each job: units done of all, events, rate, and the time still to go. */
final class BackfillProgress implements LakeBatch.Listener {
  private final int unitsToRun;
  private final PrintStream err;
  private final long start = System.nanoTime();

  BackfillProgress(int unitsToRun, PrintStream err) {
    this.unitsToRun = unitsToRun;
    this.err = err;
  }

  @Override
  public void jobDone(int jobsDone, int jobs, RunSummary run, BatchSummary soFar) {
    long done = soFar.attempted().size();
    double seconds = (System.nanoTime() - start) / 1e9;
    double rate = soFar.read() / Math.max(0.001, seconds);
    String eta = done == 0 ? "?" : format(Duration.ofSeconds((long) (seconds / done * (unitsToRun - done))));
    err.printf("ghlake backfill: %,d/%,d units, job %d/%d %s (%s), %,d events read, %,.0f events/s, ETA %s%n",
        done, unitsToRun, jobsDone, jobs, run.status(), run.window(), soFar.read(), rate, eta);
  }

  static String format(Duration d) {
    long s = d.toSeconds();
    return s >= 3600 ? String.format("%dh%02dm", s / 3600, s % 3600 / 60)
        : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
  }
}
