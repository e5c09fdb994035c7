package dev.ghlake.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ghlake.interactions.InteractionsPlanner;
import dev.ghlake.model.PartitionPath;
import dev.ghlake.stage.StagingFolders;
import dev.ghlake.storage.LakeFiles;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptions;

/** The training set of a window's table: planned, written, and described in {@code export.json}. */
public final class Export {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Export() {}

  /** What an export wrote. */
  public record Written(String folder, long trainPairs, long testPairs, long botRowsLeftOut, boolean split) {
    public String describe() {
      return String.format("%,d train pairs%s, %,d bot rows left out, in %s", trainPairs,
          split ? String.format(" and %,d test pairs", testPairs) : "", botRowsLeftOut, folder);
    }
  }

  /**
   * The export's plan: {@link IllegalArgumentException} for options that cannot make one.
   *
   * @param staging the export's own staging folder, removed when it ends
   */
  public static ExportPlan plan(String lake, LocalDate from, LocalDate to, ExportOptions options, String staging)
      throws IOException {
    InteractionsPlanner.CommittedTable table = InteractionsPlanner.committedFiles(lake, from, to);
    List<String> files = table.files();
    if (files.isEmpty()) {
      throw new IllegalArgumentException("the interactions table of " + lake + " holds no day of the window");
    }
    LocalDate end = to != null ? to : files.stream().map(PartitionPath::dayOf).max(LocalDate::compareTo).orElseThrow().plusDays(1);
    long cutoff = Long.MAX_VALUE;
    if (options.getCutoff() != null) {
      LocalDate day;
      try {
        day = LocalDate.parse(options.getCutoff());
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("--cutoff must be a UTC day, e.g. 2024-07-01 (got " + options.getCutoff() + ")", e);
      }
      cutoff = ExportPlan.micros(day);
      LocalDate first = files.stream().map(PartitionPath::dayOf).min(LocalDate::compareTo).orElseThrow();
      if (!day.isAfter(first) || !day.isBefore(end)) {
        throw new IllegalArgumentException("--cutoff=" + day + " leaves a split empty: the table's window "
            + "runs from " + first + " to " + end + " (exclusive); give a day after " + first + " and before " + end);
      }
    }
    if (!(options.getHalfLifeDays() >= 0)) {
      throw new IllegalArgumentException("--halfLifeDays is 0 (no decay) or more (got " + options.getHalfLifeDays() + ")");
    }
    return new ExportPlan(files, options.getExport(), cutoff, ExportPlan.micros(end),
        ExportPlan.weights(options.getWeights()), options.getHalfLifeDays(), options.getExportBots(), staging,
        ExportPlan.bucketsFor(table.rows()));
  }

  /**
   * Writes the set. {@code export.json} is written last: a folder without it holds an export that
   * did not finish (a re-export removes the old one first).
   */
  public static Written run(ExportPlan plan, PipelineOptions options) throws IOException {
    LakeFiles.delete(List.of(plan.path("export.json")));
    StagingFolders.create(plan.staging());
    PipelineResult result;
    try {
      Pipeline pipeline = Pipeline.create(options);
      ExportPipeline.build(pipeline, plan);
      result = pipeline.run();
      result.waitUntilFinish();
    } finally {
      StagingFolders.delete(plan.staging());
    }
    Written w = new Written(plan.folder(), counter(result, "train_pairs"), counter(result, "test_pairs"),
        counter(result, "bot_rows_left_out"), plan.split());
    LakeFiles.write(plan.path("export.json"), describe(plan, w));
    return w;
  }

  private static String describe(ExportPlan plan, Written w) throws IOException {
    ObjectNode d = JSON.createObjectNode();
    d.put("train_pairs", w.trainPairs()).put("test_pairs", w.testPairs())
        .put("bot_rows_left_out", w.botRowsLeftOut()).put("table_files", plan.files().size())
        .put("half_life_days", plan.halfLifeDays()).put("bots_kept", plan.keepBots())
        .put("cutoff", plan.split() ? java.time.Instant.ofEpochSecond(plan.cutoffMicros() / 1_000_000L).toString() : null)
        .put("weight", "ln(1 + sum of kind weight x events (stars, forks: once) x 2^(-age days / half-life))");
    ObjectNode weights = d.putObject("kind_weights");
    plan.weights().forEach((k, v) -> weights.put(k.wire(), v));
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(d);
  }

  private static long counter(PipelineResult result, String name) {
    MetricQueryResults q = result.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.named(ExportPipeline.class, name)).build());
    long sum = 0;
    for (MetricResult<Long> c : q.getCounters()) {
      sum += c.getAttempted();
    }
    return sum;
  }
}
