package dev.ghlake.accounting;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Flags a partition that looks incomplete next to the partitions before it: far fewer events than
 * their median, or a sharply different mix of event types. Warnings only: the data is written.
 */
public final class CompletenessCheck implements Serializable {
  /** Fewer earlier partitions than this and there is nothing to compare with. */
  static final int MIN_HISTORY = 6;

  private final double countThreshold;
  private final double typeShiftThreshold;

  public CompletenessCheck(double countThreshold, double typeShiftThreshold) {
    this.countThreshold = countThreshold;
    this.typeShiftThreshold = typeShiftThreshold;
  }

  /** {@code history}: events by type of the earlier partitions that have any. */
  public List<String> warnings(String partition, Map<String, Long> byType,
      List<Map<String, Long>> history) {
    List<String> warnings = new ArrayList<>();
    if (history.size() < MIN_HISTORY) {
      return warnings;
    }
    long count = total(byType);
    double median = median(history.stream().map(CompletenessCheck::total).toList());
    if (count < countThreshold * median) {
      warnings.add(String.format("%s holds %,d events, under %.0f%% of the median %,.0f of the %d "
          + "partitions before it", partition, count, countThreshold * 100, median, history.size()));
    }
    double shift = distance(shares(byType), shares(merge(history)));
    if (count > 0 && shift > typeShiftThreshold) {
      warnings.add(String.format("%s event type mix shifted: distance %.2f from the %d partitions "
          + "before it (threshold %.2f)", partition, shift, history.size(), typeShiftThreshold));
    }
    return warnings;
  }

  static long total(Map<String, Long> byType) {
    return byType.values().stream().mapToLong(Long::longValue).sum();
  }

  static double median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
  }

  private static Map<String, Long> merge(List<Map<String, Long>> maps) {
    Map<String, Long> all = new HashMap<>();
    maps.forEach(m -> m.forEach((k, v) -> all.merge(k, v, Long::sum)));
    return all;
  }

  private static Map<String, Double> shares(Map<String, Long> byType) {
    double total = Math.max(1, total(byType));
    Map<String, Double> shares = new HashMap<>();
    byType.forEach((type, n) -> shares.put(type, n / total));
    return shares;
  }

  /** Total variation distance: half the sum of the share differences, 0 to 1. */
  static double distance(Map<String, Double> a, Map<String, Double> b) {
    Set<String> types = new HashSet<>(a.keySet());
    types.addAll(b.keySet());
    double sum = 0;
    for (String t : types) {
      sum += Math.abs(a.getOrDefault(t, 0.0) - b.getOrDefault(t, 0.0));
    }
    return sum / 2;
  }
}
