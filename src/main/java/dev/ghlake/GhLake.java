package dev.ghlake;

import dev.ghlake.accounting.CompletenessCheck;
import dev.ghlake.accounting.Ledger;
import dev.ghlake.accounting.RunLedger;
import dev.ghlake.notify.Notifier;
import dev.ghlake.run.ConsoleLogging;
import dev.ghlake.secrets.SecretException;
import dev.ghlake.secrets.SecretRef;
import dev.ghlake.run.DirectRunnerTuning;
import dev.ghlake.run.OptionsRecord;
import dev.ghlake.run.ProgressReporter;
import dev.ghlake.run.RunIds;
import dev.ghlake.run.RunReport;
import dev.ghlake.run.RunSummary;
import dev.ghlake.sink.AssignPartitionFiles;
import dev.ghlake.sink.CommitPartitions;
import dev.ghlake.sink.CommitSpec;
import dev.ghlake.sink.PartitionPath;
import dev.ghlake.sink.WriteParquetPartitions;
import dev.ghlake.sink.WriteRejected;
import dev.ghlake.sink.WriteRunLedger;
import dev.ghlake.source.HourWindow;
import dev.ghlake.source.ReadArchive;
import dev.ghlake.source.SourceOptions;
import dev.ghlake.source.bigquery.BigQueryCost;
import dev.ghlake.source.bigquery.GcpCredentials;
import dev.ghlake.source.bigquery.BigQueryPlan;
import dev.ghlake.storage.LakeStorage;
import dev.ghlake.transform.DeduplicateEvents;
import dev.ghlake.transform.FilterEvents;
import dev.ghlake.transform.KeepWindow;
import dev.ghlake.transform.NormalizeEvents;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * ghlake: GH Archive events → normalised, windowed, filtered, de-duplicated → partitioned
 * Parquet, every event accounted for.
 *
 * <pre>
 * ReadArchive → NormalizeEvents → KeepWindow → FilterEvents → AssignPartitionFiles
 *   → DeduplicateEvents → WriteParquetPartitions → CommitPartitions → WriteRunLedger
 * (every step records what it drops in the Ledger; dead letters → WriteRejected)
 * </pre>
 */
public final class GhLake {
  private GhLake() {}

  public static void main(String[] args) {
    ConsoleLogging.configure();
    PipelineOptionsFactory.register(GhLakeOptions.class);
    RunSummary summary;
    GhLakeOptions options;
    try {
      options = PipelineOptionsFactory.fromArgs(args).withValidation().as(GhLakeOptions.class);
      DirectRunnerTuning.apply(options, args);
      if (options.getSource() == SourceOptions.SourceKind.bigquery && options.getDryRun()) {
        dryRun(options, System.out);
        System.exit(0);
        return;
      }
      summary = run(options);
    } catch (IllegalArgumentException e) {
      System.err.println("ghlake: " + e.getMessage());
      System.exit(2);
      return;
    }
    boolean notifyFailed = summary.notifyError() != null && options.getFailOnNotifyError();
    System.exit(summary.status() == RunSummary.Status.failed || notifyFailed ? 1 : 0);
  }

  /** Builds and runs the pipeline, waits for it, reports. Bad options throw before anything runs. */
  public static RunSummary run(GhLakeOptions options) {
    if (options.getOutput() == null || options.getOutput().isBlank()) {
      throw new IllegalArgumentException("--output is required: the folder (or s3://bucket/prefix) "
          + "the lake is written to");
    }
    if (options.getSlackWebhook() != null) {
      SecretRef.parse("slackWebhook", options.getSlackWebhook()); // a value, not a reference: refuse now
    }
    Instant start = Instant.now();
    String runId = RunIds.next(start);
    HourWindow window = HourWindow.of(options);
    CommitSpec commit = commitSpec(options, runId, start, window);
    try {
      LakeStorage.configure(options); // before Pipeline.create: it picks the S3 client and keys
      if (options.getSource() == SourceOptions.SourceKind.bigquery) {
        GcpCredentials.configure(options);
      }
    } catch (SecretException e) {
      return failedBeforeStart(options, runId, window, e.getMessage());
    }
    Ledger ledger = new Ledger();
    Pipeline pipeline = Pipeline.create(options);

    PCollection<KV<String, String>> written = pipeline
        .apply("ReadArchive", ReadArchive.from(options, ledger))
        .apply("NormalizeEvents", options.getSource() == SourceOptions.SourceKind.bigquery
            ? NormalizeEvents.alreadyScrubbed(ledger) // GH Archive scrubbed its BigQuery rows
            : NormalizeEvents.of(options, ledger))
        .apply("KeepWindow", KeepWindow.of(window, ledger))
        .apply("FilterEvents", FilterEvents.with(options, ledger))
        .apply("AssignPartitionFiles", AssignPartitionFiles.of(options))
        .apply("DeduplicateEvents", DeduplicateEvents.withinKey(ledger))
        .apply("WriteParquetPartitions", WriteParquetPartitions.to(options, runId, ledger));
    ledger.rejected(pipeline).apply("WriteRejected", WriteRejected.to(options.getOutput(), runId));
    PCollection<KV<String, Long>> entries = ledger.entries(pipeline);
    written
        .apply("CommitPartitions", CommitPartitions.of(commit, entries))
        .apply("WriteRunLedger",
            WriteRunLedger.to(WriteRunLedger.path(options.getOutput(), runId), runId, entries));

    if (options.getSource() == SourceOptions.SourceKind.bigquery) {
      String refused = refuseOverBudget(BigQueryPlan.of(options), options);
      if (refused != null) {
        return failedBeforeStart(options, runId, window, refused);
      }
    }
    try { // the options are valid (building the pipeline checked them): now touch the lake
      LakeStorage.writeStartRecord(options, options.getOutput(), runId, commit.optionsJson());
    } catch (LakeStorage.StorageException e) {
      return failedBeforeStart(options, runId, window, e.getMessage());
    }
    return runAndReport(pipeline, options, runId, window);
  }

  /** Null if the read fits --maxBytesBilled, else why it is refused. */
  private static String refuseOverBudget(BigQueryPlan plan, GhLakeOptions options) {
    try {
      BigQueryCost cost = BigQueryCost.of(plan, options);
      System.err.println("ghlake: the BigQuery read " + cost.describe().strip());
      return cost.bytes() <= options.getMaxBytesBilled() ? null
          : "the BigQuery read " + cost.describe().strip() + ", over --maxBytesBilled="
              + options.getMaxBytesBilled() + ": raise it or narrow the window";
    } catch (Exception e) {
      return "cannot ask BigQuery what the read would cost: " + LakeStorage.describe(e);
    }
  }

  /** --dryRun: the plan, printed before BigQuery is contacted (useful offline), then its cost. */
  static void dryRun(GhLakeOptions options, PrintStream out) {
    BigQueryPlan plan = BigQueryPlan.of(options);
    out.println(plan.describe());
    out.flush();
    out.println(bigQueryCost(plan, options));
  }

  private static String bigQueryCost(BigQueryPlan plan, GhLakeOptions options) {
    try {
      return BigQueryCost.of(plan, options).describe();
    } catch (Exception e) {
      return "  (BigQuery could not be asked what the read costs: " + LakeStorage.describe(e) + ")";
    }
  }

  private static RunSummary failedBeforeStart(
      GhLakeOptions options, String runId, HourWindow window, String error) {
    return report(options, new RunSummary(runId, options.getOutput(),
        window == null ? null : window.toString(), null, 0, error, limits(options)));
  }

  private static CommitSpec commitSpec(
      GhLakeOptions options, String runId, Instant start, HourWindow window) {
    List<String> claimed = window == null ? List.of()
        : PartitionPath.inWindow(window, options.getPartitionBy());
    return new CommitSpec(WriteParquetPartitions.eventsRoot(options.getOutput()),
        options.getPartitionBy(), runId, version(), start.toString(),
        window == null ? null : window.toString(), OptionsRecord.json(options), claimed,
        new CompletenessCheck(options.getCompletenessThreshold(), options.getTypeShiftThreshold()));
  }

  private static RunSummary runAndReport(
      Pipeline pipeline, GhLakeOptions options, String runId, HourWindow window) {
    long start = System.nanoTime();
    String error = null;
    try {
      PipelineResult result = pipeline.run();
      PipelineResult.State state =
          new ProgressReporter(System.err, options.getProgressSeconds()).waitFor(result, start);
      if (state != PipelineResult.State.DONE) {
        error = "pipeline ended " + state;
      }
    } catch (RuntimeException e) {
      error = "the pipeline failed (lake at " + options.getOutput() + "): " + LakeStorage.describe(e);
    }
    LakeStorage.tidyLocal(options.getOutput());
    RunLedger ledger = readLedger(WriteRunLedger.path(options.getOutput(), runId));
    return report(options, new RunSummary(runId, options.getOutput(),
        window == null ? null : window.toString(), ledger, (System.nanoTime() - start) / 1e9, error,
        limits(options)));
  }

  /** The run's last steps, whatever happened: print, tell Slack, write the summary file. */
  private static RunSummary report(GhLakeOptions options, RunSummary summary) {
    RunReport.print(summary, System.out);
    summary.recordNotifyError(Notifier.notify(summary, version(), options, System.out));
    writeSummaryFile(summary, options.getSummaryFile());
    return summary;
  }

  private static RunSummary.Limits limits(GhLakeOptions options) {
    return new RunSummary.Limits(options.getMaxRejectedRatio(), options.getFailOnMissing());
  }

  private static RunLedger readLedger(String path) {
    try {
      return RunLedger.read(path);
    } catch (IOException | RuntimeException e) {
      System.err.println("ghlake: cannot read the run's ledger " + path + ": " + e.getMessage());
      return null;
    }
  }

  private static void writeSummaryFile(RunSummary summary, String path) {
    if (path == null) {
      return;
    }
    try {
      RunReport.writeJson(summary, path);
    } catch (IOException e) {
      System.err.println("ghlake: could not write --summaryFile=" + path + ": " + e.getMessage());
    }
  }

  static String version() {
    String v = GhLake.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
