package dev.ghlake.summary;

import dev.ghlake.model.Counters;
import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.metrics.DistributionResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricResults;
import org.apache.beam.sdk.metrics.MetricsFilter;

/**
 * The ghlake counters of a running pipeline, summed over steps, for the progress line, and when
 * it first read. These are attempted values, live and approximate; the run's accounting comes
 * from its ledger.
 */
public final class RunCounts {
  private final Map<String, Long> counters = new HashMap<>();
  private Long firstReadMillis;

  public static RunCounts live(MetricResults metrics) {
    RunCounts counts = new RunCounts();
    MetricQueryResults results = metrics.queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.inNamespace(Counters.NAMESPACE)).build());
    for (MetricResult<Long> c : results.getCounters()) {
      counts.counters.merge(c.getName().getName(), c.getAttempted(), Long::sum);
    }
    for (MetricResult<DistributionResult> d : results.getDistributions()) {
      if (d.getName().getName().equals(Counters.FIRST_READ) && d.getAttempted().getCount() > 0) {
        long min = d.getAttempted().getMin();
        counts.firstReadMillis = counts.firstReadMillis == null ? min : Math.min(counts.firstReadMillis, min);
      }
    }
    return counts;
  }

  /** When the run's first source was opened (epoch milliseconds); null when none was. */
  public Long firstReadMillis() {
    return firstReadMillis;
  }

  public long get(String name) {
    return counters.getOrDefault(name, 0L);
  }
}
