package dev.ghlake.backfill;

import dev.ghlake.cli.CommandLine;
import dev.ghlake.cli.ConsoleLogging;
import dev.ghlake.cli.ExitCode;
import dev.ghlake.model.HourWindow;
import dev.ghlake.model.RunIds;
import dev.ghlake.run.GhLakeOptions;
import dev.ghlake.run.LakeBatch;
import dev.ghlake.run.Prepare;
import dev.ghlake.run.RunPlanner;
import dev.ghlake.secrets.Redactor;
import dev.ghlake.storage.LakeStorage;
import dev.ghlake.summary.BatchSummary;
import dev.ghlake.summary.RunSummary;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import org.apache.beam.runners.direct.DirectRunner;

/**
 * {@code ghlake backfill}: a range of history cut into units, the units the lake holds complete
 * skipped, the rest loaded job by job through the same orchestration as {@code ghlake run}, and
 * the whole reported once. Killed, the same command carries on where it stopped.
 */
public final class Backfill {
  private final GhLakeOptions options;
  private final PrintStream out;
  private final PrintStream err;

  public Backfill(GhLakeOptions options, PrintStream out, PrintStream err) {
    this.options = options;
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    ConsoleLogging.configure();
    try {
      GhLakeOptions options = CommandLine.options(List.of(BackfillOptions.class), args);
      BatchSummary summary = new Backfill(options, System.out, System.err).run();
      System.exit(options.getDryRun() // a dry run is done when its plan is printed
          ? (summary.status() == RunSummary.Status.failed ? ExitCode.FAILED : ExitCode.SUCCESS).code()
          : CommandLine.exitCode(summary.status(), summary.notifyError(), options));
    } catch (IllegalArgumentException e) {
      System.err.println("ghlake backfill: " + Redactor.redact(e.getMessage())); // whatever it quotes
      System.exit(2);
    }
  }

  /** Plans, runs and reports the backfill; bad options throw {@link IllegalArgumentException}. */
  public BatchSummary run() {
    BackfillOptions b = options.as(BackfillOptions.class);
    HourWindow range = range(options);
    List<HourWindow> units = b.getUnit().split(range);
    RunPlanner.check(options, units); // every value, before the lake is read
    LakeBatch batch = new LakeBatch(options, out, err);
    BatchSummary summary = new BatchSummary("backfill");
    BackfillPlan plan;
    try {
      plan = plan(b, range);
    } catch (IOException e) { // a lake that cannot be read is a failed backfill, reported, not bad options
      summary.ran(RunSummary.failed(RunIds.next(Instant.now()), options.getOutput(), range.toString(),
          "cannot read the lake at " + options.getOutput() + " to find what it holds complete ("
              + LakeStorage.describe(e) + "): check --output and the credentials", null, 0),
          List.of(range), options.getPartitionBy());
      batch.report(summary);
      return summary;
    }
    if (options.getDryRun()) {
      return dryRun(b, range, plan, summary);
    }
    err.printf("ghlake backfill: %s in %,d unit(s) of a %s; %,d already complete in the lake%s, %,d to run in %,d job(s)%n",
        range, plan.units().size(), b.getUnit(), plan.complete().size(),
        b.getForce() ? "" : " (skipped; --force runs them)", plan.toRun(), plan.jobs().size());
    plan.complete().forEach(summary::complete);
    batch.run(summary, plan.jobs(), (slowest, soFar) -> failFast(b, soFar),
        new BackfillProgress(plan.toRun(), err));
    batch.report(summary);
    return summary;
  }

  /** The plan said, nothing run: no Slack message, no summary file (its units are all "not run"). */
  private BatchSummary dryRun(BackfillOptions b, HourWindow range, BackfillPlan plan, BatchSummary summary) {
    try {
      BackfillDryRun.print(range, b.getUnit(), plan, b.getForce(), options.getOutput(), options.getPartitionBy(), out);
    } catch (IOException e) {
      summary.ran(RunSummary.failed(RunIds.next(Instant.now()), options.getOutput(), range.toString(),
          "the dry run cannot read the lake at " + options.getOutput() + ": " + LakeStorage.describe(e), null, 0),
          List.of(range), options.getPartitionBy());
      return summary;
    }
    plan.complete().forEach(summary::complete);
    plan.jobs().forEach(job -> job.forEach(w -> summary.notRun(w, "--dryRun")));
    return summary;
  }

  private BackfillPlan plan(BackfillOptions b, HourWindow range) throws IOException {
    Prepare.storage(options);
    return BackfillPlan.of(range, b.getUnit(), unitsPerJob(b), b.getForce(), options.getOutput(),
        options.getPartitionBy());
  }

  private static String failFast(BackfillOptions b, BatchSummary soFar) {
    return b.getFailFast() && soFar.count(BatchSummary.UnitStatus.failed) > 0
        ? "not run: an earlier unit failed and --failFast is set" : null;
  }

  private int unitsPerJob(BackfillOptions b) {
    Integer n = b.getUnitsPerJob();
    if (n == null) {
      return options.getRunner() == DirectRunner.class ? 1 : 7;
    }
    if (n < 1 || n > 10_000) {
      throw new IllegalArgumentException("--unitsPerJob must be from 1 to 10000 (got " + n + ")");
    }
    return n;
  }

  /** A backfill needs both ends of its range. */
  private static HourWindow range(GhLakeOptions options) {
    if (options.getFrom() == null || options.getTo() == null) {
      throw new IllegalArgumentException("a backfill needs --from and --to (UTC, --to exclusive), "
          + "e.g. --from=2015-01-01 --to=2016-01-01");
    }
    return HourWindow.parse(options.getFrom(), options.getTo());
  }
}
