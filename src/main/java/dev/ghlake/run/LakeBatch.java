package dev.ghlake.run;

import dev.ghlake.model.HourWindow;
import dev.ghlake.model.Version;
import dev.ghlake.notify.Notifier;
import dev.ghlake.summary.BatchSummary;
import dev.ghlake.summary.RunMessage;
import dev.ghlake.summary.RunReport;
import dev.ghlake.summary.RunSummary;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Several runs reported as one: jobs of windows, each a whole {@link LakeRun} (the one
 * orchestration), one after another, then one report, one Slack message and one summary file.
 * The Lambda handler (catch-up inside its time budget) and the backfill (units, --failFast) are
 * its two callers; each decides with a {@link Gate} whether the next job may start.
 */
public final class LakeBatch {

  /** Before each job: null to run it, else why it is not run (recorded for each of its windows). */
  @FunctionalInterface
  public interface Gate {
    String refuse(Duration slowestJob, BatchSummary soFar);
  }

  /** Hears each job's end, for progress lines and logs. */
  @FunctionalInterface
  public interface Listener {
    void jobDone(int jobsDone, int jobs, RunSummary run, BatchSummary soFar);
  }

  private final GhLakeOptions options;
  private final PrintStream out;
  private final PrintStream err;
  private final URI webhook;

  /** Resolves the Slack webhook now: a bad reference stops the batch before anything is read. */
  public LakeBatch(GhLakeOptions options, PrintStream out, PrintStream err) {
    this.options = options;
    this.out = out;
    this.err = err;
    this.webhook = Notifier.webhook(options);
  }

  /** Runs the jobs the gate lets through, recording every window's outcome in {@code batch}. */
  public BatchSummary run(BatchSummary batch, List<List<HourWindow>> jobs, Gate gate, Listener listener) {
    long start = System.nanoTime();
    Duration slowest = Duration.ZERO;
    int done = 0;
    for (List<HourWindow> job : jobs) {
      String refused = gate.refuse(slowest, batch);
      if (refused != null) {
        job.forEach(w -> batch.notRun(w, refused));
      } else {
        long t0 = System.nanoTime();
        RunSummary run = new LakeRun(options, out, err).execute(job, false);
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        slowest = took.compareTo(slowest) > 0 ? took : slowest;
        batch.ran(run, job, options.getPartitionBy());
        listener.jobDone(++done, jobs.size(), run, batch);
      }
    }
    batch.seconds((System.nanoTime() - start) / 1e9);
    return batch;
  }

  /** The batch's last steps: print it, tell Slack once (when anything was attempted), write --summaryFile. */
  public void report(BatchSummary batch) {
    RunReport.print(batch, out);
    if (!batch.attempted().isEmpty()) {
      batch.recordNotifyError(Notifier.notify(RunMessage.of(batch, Version.of()), webhook,
          options.getNotifyAttempts(), out));
    }
    LakeRun.writeSummaryFile(batch.toJson(), options.getSummaryFile(), err);
  }
}
