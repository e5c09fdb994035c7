package dev.ghlake.run;

import dev.ghlake.model.Counters;
import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricResults;
import org.apache.beam.sdk.metrics.MetricsFilter;

/**
 * The ghlake counters of a running pipeline, summed over steps, for the progress line. These are
 * attempted values, live and approximate; the run's accounting comes from its ledger.
 */
final class RunCounts {
  private final Map<String, Long> counters = new HashMap<>();

  static RunCounts live(MetricResults metrics) {
    RunCounts counts = new RunCounts();
    for (MetricResult<Long> c : metrics.queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.inNamespace(Counters.NAMESPACE)).build()).getCounters()) {
      counts.counters.merge(c.getName().getName(), c.getAttempted(), Long::sum);
    }
    return counts;
  }

  long get(String name) {
    return counters.getOrDefault(name, 0L);
  }
}
