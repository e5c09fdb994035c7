package dev.ghlake.run;

import dev.ghlake.model.Accounting;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricResults;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.metrics.StringSetResult;

/** The ghlake counters and string sets of a run, summed over steps, as the runner reports them. */
public final class RunCounts {
  private final Map<String, Long> counters = new TreeMap<>();

  /** No counts: a run that never started. */
  public RunCounts() {}
  private final Map<String, Set<String>> sets = new TreeMap<>();

  /** Committed values where the runner has them (final), attempted values otherwise (live). */
  public static RunCounts of(MetricResults metrics, boolean committed) {
    RunCounts counts = new RunCounts();
    MetricQueryResults results = metrics.queryMetrics(MetricsFilter.builder()
        .addNameFilter(org.apache.beam.sdk.metrics.MetricNameFilter.inNamespace(Accounting.NAMESPACE))
        .build());
    for (MetricResult<Long> c : results.getCounters()) {
      counts.counters.merge(c.getName().getName(), value(c, committed), Long::sum);
    }
    for (MetricResult<StringSetResult> s : results.getStringSets()) {
      StringSetResult r = committed ? committedOrAttempted(s) : s.getAttempted();
      counts.sets.computeIfAbsent(s.getName().getName(), k -> new TreeSet<>())
          .addAll(r.getStringSet());
    }
    return counts;
  }

  private static Long value(MetricResult<Long> c, boolean committed) {
    return committed ? committedOrAttempted(c) : c.getAttempted();
  }

  private static <T> T committedOrAttempted(MetricResult<T> r) {
    try {
      return r.getCommitted();
    } catch (UnsupportedOperationException e) {
      return r.getAttempted();
    }
  }

  public long get(String name) {
    return counters.getOrDefault(name, 0L);
  }

  /** Counters whose names start with the prefix, keyed by the rest of the name; zeros left out. */
  public Map<String, Long> withPrefix(String prefix) {
    Map<String, Long> out = new TreeMap<>();
    counters.forEach((name, value) -> {
      if (name.startsWith(prefix) && value != 0) {
        out.put(name.substring(prefix.length()), value);
      }
    });
    return out;
  }

  public Set<String> set(String name) {
    return sets.getOrDefault(name, Set.of());
  }
}
