package dev.ghlake.run;

import dev.ghlake.commit.PendingFiles;
import dev.ghlake.commit.RunLedger;
import dev.ghlake.cost.Prices;
import dev.ghlake.cost.RunCost;
import dev.ghlake.model.HourWindow;
import dev.ghlake.model.LakePaths;
import dev.ghlake.model.RunIds;
import dev.ghlake.model.Version;
import dev.ghlake.notify.Notifier;
import dev.ghlake.sink.sort.SpillFolders;
import dev.ghlake.source.SourceUnit;
import dev.ghlake.stage.StagingFolders;
import dev.ghlake.storage.LakeFiles;
import dev.ghlake.storage.LakeLayout;
import dev.ghlake.storage.LakeRecordException;
import dev.ghlake.storage.LakeStorage;
import dev.ghlake.storage.Lease;
import dev.ghlake.storage.LeaseRefusedException;
import dev.ghlake.storage.Leases;
import dev.ghlake.storage.RunRecords;
import dev.ghlake.storage.S3Requests;
import dev.ghlake.summary.LiveCounts;
import dev.ghlake.summary.RunCounts;
import dev.ghlake.summary.RunMessage;
import dev.ghlake.summary.RunReport;
import dev.ghlake.summary.RunSummary;
import dev.ghlake.table.TableCommit;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.apache.beam.sdk.Pipeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one orchestration of a run, called by the command line, the Lambda handler and the
 * backfill alike: validate, plan, take the lease, tidy what dead runs left, build, run (the
 * pipeline stages, writes and commits), account, report, notify.
 *
 * <p>Bad options throw {@link IllegalArgumentException} before anything is read or written
 * (the command line exits 2). From then on every outcome, failures included, is a reported run.
 */
public final class LakeRun {
  private static final Logger LOG = LoggerFactory.getLogger(LakeRun.class);

  private final GhLakeOptions options;
  private final PrintStream out;
  private final PrintStream err;
  private long bigQueryBytes;
  private Long firstReadMillis;
  /** The S3 requests the pipeline's steps sent, on whichever workers (S3Requests). */
  private S3Requests.Counts workerS3 = new S3Requests.Counts(0, 0, 0);

  public LakeRun(GhLakeOptions options, PrintStream out, PrintStream err) {
    this.options = options;
    this.out = out;
    this.err = err;
  }

  /** A whole run of the options' window, reported and notified. */
  public RunSummary execute() {
    return execute(null, true);
  }

  /**
   * A run of the given windows (null: the options' --from/--to); {@code report} prints it, tells
   * Slack and writes --summaryFile (a backfill reports once for all its runs instead).
   */
  public RunSummary execute(List<HourWindow> windows, boolean report) {
    long origin = StartupClock.origin();
    if (options.getDryRun()) { // the commands that take it print a plan instead (DryRun): never a load
      throw new IllegalArgumentException("--dryRun is taken by ghlake run and ghlake backfill, which "
          + "print a run's plan; this command would load: leave --dryRun out");
    }
    URI webhook = Notifier.webhook(options); // before anything is read: a bad reference stops here
    S3Requests.countHere();
    S3Requests.Counts s3Before = S3Requests.now();
    workerS3 = new S3Requests.Counts(0, 0, 0);
    Instant start = Instant.now();
    String runId = RunIds.next(start);
    String window = RunPlanner.check(options, windows);
    Prepare.storage(options);
    // planned before the lake is written: an input that is not there refuses the run (exit 2)
    // without a start record in the lake; one that cannot be read is reported after the lake's
    // own check, which names a wrong bucket, wrong keys or a dead endpoint as the lake's
    RunPlan plan = null;
    IOException unreadable = null;
    try {
      plan = RunPlanner.plan(options, runId, start, windows);
    } catch (IOException e) {
      unreadable = e;
    }
    RunSummary summary = preflight(runId, window);
    boolean started = summary == null;
    if (summary == null && unreadable != null) {
      summary = RunSummary.failed(runId, options.getOutput(), window, "cannot read the input "
          + options.getInput() + " (" + LakeStorage.describe(unreadable) + "): check --input, the "
          + "credentials and the network", null, 0);
    } else if (summary == null) {
      summary = run(plan);
    }
    S3Requests.Counts s3 = S3Requests.now().minus(s3Before).plus(workerS3);
    summary.recordCost(new RunCost(s3, downloaded(summary), bigQueryBytes, 0, 0,
        false, 0, Prices.of(options.getPrices())));
    summary.recordStartup(StartupClock.seconds(firstReadMillis, origin));
    if (started) {
      keepInLake(summary);
    }
    if (report) {
      report(summary, webhook);
    }
    return summary;
  }

  /** Bytes fetched from a web server (GH Archive): archive files read from a folder or S3 are not downloads. */
  private long downloaded(RunSummary summary) {
    String input = options.getInput();
    return input != null && (input.startsWith("https://") || input.startsWith("http://")) ? summary.sourceBytes() : 0;
  }

  /**
   * The run's summary beside its start record and ledger, {@code _runs/<run>/summary.json}: the
   * health report's run history (status, duration, cost) reads it. Not kept is said, not thrown.
   */
  private void keepInLake(RunSummary summary) {
    String path = RunRecords.summary(LakePaths.of(options.getOutput()), summary.runId());
    try {
      LakeFiles.write(path, summary.toJson());
    } catch (IOException | RuntimeException e) {
      LOG.warn("Could not keep the run's summary at {}: {}", path, LakeStorage.describe(e));
    }
  }

  /**
   * The lake's first write, before anything is read, so a wrong bucket, wrong keys or an
   * unreachable endpoint fail at once naming the lake; and its layout, checked against the run's.
   * Null when the run may go on.
   */
  private RunSummary preflight(String runId, String window) {
    try {
      LakePaths lake = LakePaths.of(options.getOutput());
      LakeStorage.writeStartRecord(options, lake, runId, OptionsRecord.json(options));
      LakeLayout.check(lake, options.getPartitionBy(), runId, Version.of());
      return null;
    } catch (LakeStorage.StorageException | LakeRecordException e) { // messages that name the place
      return RunSummary.failed(runId, options.getOutput(), window, e.getMessage(), null, 0);
    } catch (IOException e) {
      return RunSummary.failed(runId, options.getOutput(), window, "cannot read the lake's layout "
          + "record: " + LakeStorage.describe(e), null, 0);
    }
  }

  private RunSummary run(RunPlan plan) {
    long t0 = System.nanoTime();
    List<SourceUnit> missing = plan.source().missingWindowHours();
    if (options.getFailOnMissing() && !missing.isEmpty()) {
      return failed(plan, missing.size() + " archive hour(s) of the window missing (first: "
          + missing.get(0).location() + ") and --failOnMissing is set: nothing was read or committed", t0);
    }
    Leases leases = Leases.of(options, plan.output());
    Lease lease;
    try {
      lease = leases == null ? null : leases.acquire(plan.runId(), Objects.toString(plan.windowText(), ""),
          plan.leaseKeys(), Duration.ofSeconds(options.getLeaseWaitSeconds()),
          Duration.ofMinutes(options.getLeaseMinutes()));
    } catch (LeaseRefusedException e) {
      return RunSummary.refused(plan.runId(), plan.output(), plan.windowText(), e.getMessage(), seconds(t0));
    } catch (IOException e) {
      return failed(plan, "cannot take the lease on the lake: " + LakeStorage.describe(e), t0);
    }
    if (leases == null) {
      LOG.warn("{} offers no exclusive create: runs of the same window at once are not kept apart",
          plan.output());
    }
    try (LeaseKeeper keeper = LeaseKeeper.start(lease)) {
      Housekeeping.tidyAbandoned(plan, leases, RunPlanner.stagingLocation(options), err);
      return runPipeline(plan, t0);
    } finally {
      if (lease != null) {
        lease.release();
      }
    }
  }

  private RunSummary runPipeline(RunPlan plan, long t0) {
    String error;
    RunCounts counts = null;
    boolean workersRunning = false;
    TableCommit table = new TableCommit(null, null);
    try {
      PendingFiles.start(plan.lake(), plan.runId(), plan.staging().root());
      StagingFolders.create(plan.staging().root());
      Pipeline pipeline = LakePipeline.build(plan, options);
      CostGuard.Verdict bigQuery = CostGuard.refuse(plan, options, err);
      bigQueryBytes = bigQuery.bytes(); // what BigQuery said the read bills, asked by its dry run
      if (bigQuery.refused() != null) {
        return failed(plan, bigQuery.refused(), t0);
      }
      PipelineRun run = PipelineRun.start(pipeline, places(plan), options.getProgressSeconds(), err);
      error = run.error();
      counts = run.counts();
      firstReadMillis = counts == null ? null : counts.firstReadMillis();
      workerS3 = counts == null ? workerS3 : S3Requests.fromCounters(counts::get);
      workersRunning = run.workersRunning();
      if (error == null) { // before Housekeeping.tidyOwn removes the files the lake commit retired
        table = TableCommit.of(plan.table(), plan.commit().windowPartitions());
      }
    } catch (IOException | RuntimeException e) {
      error = PipelineRun.outOfMemoryIn(e) != null ? PipelineRun.OUT_OF_MEMORY
          : "the run could not start (lake at " + plan.output() + "): " + LakeStorage.describe(e);
    } catch (OutOfMemoryError e) { // outside the pipeline's own handling: still a reported failure
      error = PipelineRun.OUT_OF_MEMORY;
    } finally {
      if (workersRunning) {
        // its marks must outlive whatever those workers still write: the next run removes it
        err.println("ghlake: workers of this failed run were still writing after "
            + PipelineRun.WORKERS_END.toMinutes() + " minutes; the next run on this lake removes what they leave");
      } else {
        Housekeeping.tidyOwn(plan, err);
      }
    }
    if (error != null) {
      return RunSummary.failed(plan.runId(), plan.output(), plan.windowText(), error,
          counts == null ? null : LiveCounts.of(counts), seconds(t0));
    }
    RunSummary summary = fromLedger(plan, t0, table.error());
    summary.recordTable(table.line());
    return summary;
  }

  private static FaultPlace places(RunPlan plan) {
    return new FaultPlace(plan.staging().root(), SpillFolders.root().toString(), plan.output());
  }

  private RunSummary fromLedger(RunPlan plan, long t0, String error) {
    try {
      RunLedger ledger = RunLedger.read(plan.ledgerPath());
      return new RunSummary(plan.runId(), plan.output(), plan.windowText(), ledger, seconds(t0), error,
          plan.limits());
    } catch (IOException | RuntimeException e) {
      return RunSummary.failed(plan.runId(), plan.output(), plan.windowText(),
          "the pipeline finished but its ledger " + plan.ledgerPath() + " cannot be read: "
              + LakeStorage.describe(e), null, seconds(t0));
    }
  }

  private RunSummary failed(RunPlan plan, String error, long t0) {
    return RunSummary.failed(plan.runId(), plan.output(), plan.windowText(), error, null, seconds(t0));
  }

  /** The run's last steps, whatever happened: print, tell Slack, write the summary file. */
  private void report(RunSummary summary, URI webhook) {
    RunReport.print(summary, out);
    summary.recordNotifyError(Notifier.notify(RunMessage.of(summary, Version.of()), webhook,
        options.getNotifyAttempts(), out));
    writeSummaryFile(summary.toJson(), options.getSummaryFile(), err);
  }

  /** Writes a summary to --summaryFile, if given; a failure to do so is said, not thrown. */
  public static void writeSummaryFile(String json, String path, PrintStream err) {
    if (path == null) {
      return;
    }
    try {
      RunReport.writeJson(json, path);
    } catch (IOException e) {
      err.println("ghlake: could not write --summaryFile=" + path + ": " + e.getMessage());
    }
  }

  private static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }
}
