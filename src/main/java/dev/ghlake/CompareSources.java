package dev.ghlake;

import dev.ghlake.cli.ConsoleLogging;
import dev.ghlake.cli.DirectRunnerTuning;
import dev.ghlake.compare.CompareLakes;
import dev.ghlake.compare.CompareOptions;
import dev.ghlake.compare.ParityReport;
import dev.ghlake.model.RunIds;
import dev.ghlake.run.GhLakeOptions;
import dev.ghlake.secrets.Redactor;
import dev.ghlake.source.bigquery.BigQueryPlan;
import dev.ghlake.summary.RunSummary;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.util.MimeTypes;

/**
 * ghlake compare: one window read from the archive files and from BigQuery with the same options,
 * into two lakes side by side, then compared event by event and column by column. The answer to
 * "is what BigQuery returns consistent?" for any window, on the real sources.
 */
public final class CompareSources {
  static final String FILES = "gharchive";
  static final String BIGQUERY = "bigquery";

  private CompareSources() {}

  public static void main(String[] args) {
    ConsoleLogging.configure();
    ParityReport report;
    try {
      report = compare(args);
    } catch (IllegalArgumentException e) {
      System.err.println("ghlake compare: " + Redactor.redact(e.getMessage())); // whatever it quotes
      System.exit(2);
      return;
    }
    boolean fail = report == null
        || (!report.unexplained().isEmpty() && options(args).getFailOnDifference());
    System.exit(fail ? 1 : 0);
  }

  /** Runs both sources and compares their lakes; null when a run failed (its report says why). */
  public static ParityReport compare(String... args) {
    CompareOptions options = options(args);
    String output = options.as(GhLakeOptions.class).getOutput();
    if (output == null || output.isBlank()) {
      throw new IllegalArgumentException("--output is required: the folder (or s3://bucket/prefix) "
          + "the comparison writes its two lakes and its report under");
    }
    if (options.getMaxExamples() < 0 || options.getMaxExamples() > 10_000) {
      throw new IllegalArgumentException("--maxExamples must be from 0 to 10000 (got " + options.getMaxExamples() + ")");
    }
    String base = output.replaceAll("/+$", "") + "/compare-" + RunIds.next(Instant.now());
    String[] shared = without(args, "source", "output", "slackWebhook", "summaryFile");
    GhLakeOptions bigquery = runOptions(shared, "--source=" + BIGQUERY);
    BigQueryPlan.of(bigquery).checkReadable(bigquery); // before the file run spends its time
    for (String source : List.of(FILES, BIGQUERY)) {
      RunSummary run = GhLake.run(runOptions(shared, "--source=" + source, "--output=" + base + "/" + source));
      if (run.status() == RunSummary.Status.failed) {
        System.err.println("ghlake compare: the " + source + " run failed, nothing compared: " + run.failures());
        return null;
      }
    }
    ParityReport report = compareLakes(base, shared, options.getMaxExamples());
    System.out.println(report.describe());
    System.out.println("  all differences: " + base + "/differences.jsonl");
    write(base + "/report.json", report.toJson());
    return report;
  }

  private static ParityReport compareLakes(String base, String[] args, int maxExamples) {
    GhLakeOptions options = runOptions(args);
    Pipeline pipeline = Pipeline.create(options);
    pipeline
        .apply("CompareLakes", new CompareLakes(FILES, base + "/" + FILES, BIGQUERY, base + "/" + BIGQUERY))
        .apply("WriteDifferences", TextIO.write().to(base + "/differences").withSuffix(".jsonl").withoutSharding());
    PipelineResult result = pipeline.run();
    result.waitUntilFinish();
    return ParityReport.of(result, FILES, BIGQUERY, firstLines(base + "/differences.jsonl", maxExamples));
  }

  private static CompareOptions options(String[] args) {
    PipelineOptionsFactory.register(GhLakeOptions.class);
    PipelineOptionsFactory.register(CompareOptions.class);
    return PipelineOptionsFactory.fromArgs(args).withValidation().as(CompareOptions.class);
  }

  private static GhLakeOptions runOptions(String[] args, String... more) {
    String[] all = Stream.concat(Arrays.stream(args), Arrays.stream(more)).toArray(String[]::new);
    GhLakeOptions options = options(all).as(GhLakeOptions.class);
    DirectRunnerTuning.apply(options, all);
    return options;
  }

  /** The arguments without the named options: each run sets its own. */
  static String[] without(String[] args, String... names) {
    return Arrays.stream(args)
        .filter(a -> Arrays.stream(names).noneMatch(n -> a.equals("--" + n) || a.startsWith("--" + n + "=")))
        .toArray(String[]::new);
  }

  private static List<String> firstLines(String path, int n) {
    List<String> lines = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(Channels.newReader(
        FileSystems.open(FileSystems.matchSingleFileSpec(path).resourceId()), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null && lines.size() < n; line = r.readLine()) {
        lines.add(line);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the differences at " + path, e);
    }
    return lines;
  }

  private static void write(String path, String text) {
    try (Writer w = new OutputStreamWriter(Channels.newOutputStream(FileSystems.create(
        FileSystems.matchNewResource(path, false), MimeTypes.TEXT)), StandardCharsets.UTF_8)) {
      w.write(text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report to " + path, e);
    }
  }
}
