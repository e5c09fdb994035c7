package dev.ghlake;

import dev.ghlake.model.Rejected;
import dev.ghlake.run.ConsoleLogging;
import dev.ghlake.run.DirectRunnerTuning;
import dev.ghlake.run.ProgressReporter;
import dev.ghlake.run.RunCounts;
import dev.ghlake.run.RunReport;
import dev.ghlake.run.RunSummary;
import dev.ghlake.sink.AssignPartitionFiles;
import dev.ghlake.sink.WriteParquetPartitions;
import dev.ghlake.sink.WriteRejected;
import dev.ghlake.source.ReadArchive;
import dev.ghlake.source.ReadArchiveFiles;
import dev.ghlake.transform.DeduplicateEvents;
import dev.ghlake.transform.FilterEvents;
import dev.ghlake.transform.NormalizeEvents;
import java.io.IOException;
import java.util.UUID;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;

/**
 * ghlake: GH Archive events → normalised, filtered, de-duplicated → partitioned Parquet.
 *
 * <pre>
 * ReadArchive ─┬─ lines → NormalizeEvents ─┬─ events → FilterEvents → AssignPartitionFiles
 *              │                           │            → DeduplicateEvents → WriteParquetPartitions
 *              └─ rejected ────────────────┴─ rejected → WriteRejected
 * </pre>
 */
public final class GhLake {
  private GhLake() {}

  public static void main(String[] args) {
    ConsoleLogging.configure();
    PipelineOptionsFactory.register(GhLakeOptions.class);
    RunSummary summary;
    try {
      GhLakeOptions options =
          PipelineOptionsFactory.fromArgs(args).withValidation().as(GhLakeOptions.class);
      DirectRunnerTuning.apply(options, args);
      summary = run(options);
    } catch (IllegalArgumentException e) {
      System.err.println("ghlake: " + e.getMessage());
      System.exit(2);
      return;
    }
    System.exit(summary.status() == RunSummary.Status.failed ? 1 : 0);
  }

  /** Builds and runs the pipeline, waits for it, reports. Bad options throw before anything runs. */
  public static RunSummary run(GhLakeOptions options) {
    if (options.getOutput() == null || options.getOutput().isBlank()) {
      throw new IllegalArgumentException("--output is required: the folder (or s3://bucket/prefix) "
          + "the lake is written to");
    }
    Pipeline pipeline = Pipeline.create(options);

    PCollectionTuple input = pipeline.apply("ReadArchive", ReadArchive.from(options));
    PCollectionTuple normalized = input.get(ReadArchiveFiles.LINES)
        .apply("NormalizeEvents", NormalizeEvents.scrubbingEmails(options.getScrubEmails()));
    normalized.get(NormalizeEvents.EVENTS)
        .apply("FilterEvents", FilterEvents.with(options))
        .apply("AssignPartitionFiles", AssignPartitionFiles.of(options))
        .apply("DeduplicateEvents", DeduplicateEvents.withinKey())
        .apply("WriteParquetPartitions", WriteParquetPartitions.to(options));
    PCollectionList.of(input.get(ReadArchiveFiles.REJECTED))
        .and(normalized.get(NormalizeEvents.REJECTED))
        .apply("AllRejected", Flatten.<Rejected>pCollections())
        .apply("WriteRejected", WriteRejected.to(options.getOutput()));

    return runAndReport(pipeline, options);
  }

  private static RunSummary runAndReport(Pipeline pipeline, GhLakeOptions options) {
    long start = System.nanoTime();
    String error = null;
    PipelineResult result = null;
    try {
      result = pipeline.run();
      PipelineResult.State state =
          new ProgressReporter(System.err, options.getProgressSeconds()).waitFor(result, start);
      if (state != PipelineResult.State.DONE) {
        error = "pipeline ended " + state;
      }
    } catch (RuntimeException e) {
      error = rootCause(e);
    }
    RunCounts counts = result == null ? new RunCounts() : RunCounts.of(result.metrics(), true);
    RunSummary summary = new RunSummary(UUID.randomUUID().toString(), options.getOutput(), counts,
        (System.nanoTime() - start) / 1e9, error);
    RunReport.print(summary, System.out);
    writeSummaryFile(summary, options.getSummaryFile());
    return summary;
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

  private static String rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + ": " + t.getMessage();
  }
}
