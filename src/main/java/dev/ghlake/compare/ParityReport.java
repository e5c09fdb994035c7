package dev.ghlake.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;

/** What a comparison found: events compared and equal, differences by kind, a few examples. */
public final class ParityReport {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final String left;
  private final String right;
  private final Map<String, Long> counts;
  private final List<String> examples;

  ParityReport(String left, String right, Map<String, Long> counts, List<String> examples) {
    this.left = left;
    this.right = right;
    this.counts = new TreeMap<>(counts);
    this.examples = examples;
  }

  /** The report of a finished CompareLakes pipeline, from its counters. */
  public static ParityReport of(PipelineResult result, String left, String right, List<String> examples) {
    Map<String, Long> counts = new TreeMap<>();
    for (MetricResult<Long> c : result.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.inNamespace(CompareLakes.class)).build()).getCounters()) {
      counts.merge(c.getName().getName(), c.getAttempted(), Long::sum);
    }
    return new ParityReport(left, right, counts, examples);
  }

  public long compared() {
    return counts.getOrDefault(CompareBucketFn.COMPARED, 0L);
  }

  public long matched() {
    return counts.getOrDefault(CompareBucketFn.MATCHED, 0L);
  }

  /** Differences by kind: {@code only_in_<lake>}, {@code column:<name>}, … */
  public Map<String, Long> differences() {
    Map<String, Long> out = new TreeMap<>(counts);
    out.remove(CompareBucketFn.COMPARED);
    out.remove(CompareBucketFn.MATCHED);
    return out;
  }

  /** Differences the sources' documented behaviour does not explain. */
  public Map<String, Long> unexplained() {
    Map<String, Long> out = differences();
    out.keySet().removeIf(CompareBucketFn::expected);
    return out;
  }

  public String describe() {
    StringBuilder out = new StringBuilder(String.format("ghlake compare: %s vs %s%n"
        + "  in both              %,d events, %,d equal in every column%n", left, right, compared(), matched()));
    differences().forEach((kind, n) -> out.append(String.format("  %-20s %,d%s%n", kind, n,
        CompareBucketFn.expected(kind) ? "  (expected: GH Archive's BigQuery loader skips rows over 2 MB)" : "")));
    if (!examples.isEmpty()) {
      out.append("  examples:\n");
      examples.forEach(e -> out.append("    ").append(e).append('\n'));
    }
    return out.append(unexplained().isEmpty() ? "  the sources agree" : "  the sources DIFFER").toString();
  }

  public String toJson() {
    ObjectNode o = JSON.createObjectNode().put("left", left).put("right", right)
        .put("compared", compared()).put("matched", matched()).put("agree", unexplained().isEmpty());
    differences().forEach(o.putObject("differences")::put);
    examples.forEach(o.putArray("examples")::add);
    return o.toString();
  }
}
