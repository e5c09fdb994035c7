package dev.ghlake.profile;

import dev.ghlake.model.PartitionBy;
import dev.ghlake.model.PartitionPath;
import dev.ghlake.model.PayloadKeys;
import dev.ghlake.profile.DriftFinding.Level;
import dev.ghlake.profile.PartitionProfile.TypeProfile;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Compares a partition's profile with a trailing baseline of the lake's earlier partitions (the
 * same hour of earlier days, or earlier days): GH Archive changes under its users, e.g. GitHub
 * cut the Events API payloads on 2025-10-07 (PushEvent lost size, distinct_size and commits;
 * PullRequestEvent's pull_request became a stub) and some days hold 1 % of their events
 * (gharchive.org #310, #312, #323). The baseline of each measure is its median over the points.
 *
 * @param minBaseline fewer earlier partitions than this: no check (a new lake, a gap)
 * @param volumeError a partition under this share of the baseline's events is an error
 * @param keyDrop a payload key present in most events whose share falls under this share of
 *     its baseline is an error
 */
public record DriftCheck(boolean enabled, int baselineDays, int minBaseline, double volumeError,
    double keyDrop) implements Serializable {
  /** Types with fewer events (now and in the baseline) are not judged by shares. */
  static final long MIN_EVENTS = 50;

  /** The partitions of the baseline: the same hour of earlier days, or earlier days. */
  public List<String> baselinePartitions(String partition, PartitionBy by) {
    LocalDateTime start = PartitionPath.start(partition);
    List<String> out = new ArrayList<>();
    for (int day = 1; day <= baselineDays; day++) {
      out.add(PartitionPath.of(start.minusDays(day), by));
    }
    return out;
  }

  public List<DriftFinding> findings(String partition, PartitionProfile now, List<PartitionProfile> baseline) {
    List<DriftFinding> out = new ArrayList<>();
    if (!enabled || baseline.size() < minBaseline || now.isEmpty()) {
      return out;
    }
    Judge j = new Judge(partition, baseline, out);
    j.volume(now);
    j.duplicates(now);
    TreeSet<String> types = new TreeSet<>(now.types());
    baseline.forEach(b -> types.addAll(b.types()));
    for (String type : types) {
      j.type(type, now.type(type), now.events());
    }
    return out;
  }

  /** The checks of one partition against its baseline. */
  private final class Judge {
    private final String partition;
    private final List<PartitionProfile> baseline;
    private final List<DriftFinding> out;

    Judge(String partition, List<PartitionProfile> baseline, List<DriftFinding> out) {
      this.partition = partition;
      this.baseline = baseline;
      this.out = out;
    }

    void volume(PartitionProfile now) {
      double base = DriftCheck.median(baseline.stream().mapToDouble(PartitionProfile::events).toArray());
      long n = now.events();
      String b = String.format("%,.0f events (median of %d)", base, baseline.size());
      String v = String.format("%,d events (%.1f%%)", n, 100.0 * n / Math.max(1, base));
      if (n < base * volumeError) {
        add(Level.error, "volume under " + pct(volumeError) + " of the baseline", b, v);
      } else if (n < base * 0.5) {
        add(Level.warn, "volume under half the baseline", b, v);
      } else if (n > base * 2) {
        add(Level.warn, "volume over double the baseline", b, v);
      }
    }

    /**
     * GH Archive's files repeating events (an hour fetched twice, overlapping polls): the share of
     * events that repeat an earlier id, against the baseline's. The repeats are dropped either way;
     * a sudden share says GH Archive's file is not what it was.
     */
    void duplicates(PartitionProfile now) {
      double share = now.duplicates() / (double) Math.max(1, now.events());
      double base = DriftCheck.median(baseline.stream()
          .mapToDouble(p -> p.duplicates() / (double) Math.max(1, p.events())).toArray());
      if (share >= 0.05 && share >= 3 * base) {
        add(Level.warn, "events repeating an earlier id", pct(base), pct(share));
      }
    }

    void type(String type, TypeProfile now, long total) {
      List<TypeProfile> base = baseline.stream().map(p -> p.type(type)).toList();
      long present = base.stream().filter(Objects::nonNull).count();
      double baseEvents = DriftCheck.median(base.stream().mapToDouble(t -> t == null ? 0 : t.events).toArray());
      if (now == null) {
        if (present == base.size() && baseEvents >= MIN_EVENTS) {
          add(Level.warn, type + " vanished", String.format("%,.0f events", baseEvents), "none");
        }
        return;
      }
      if (present == 0) {
        add(Level.warn, "new event type " + type, "none", String.format("%,d events", now.events));
        return;
      }
      shareOfAll(type, now, total, base);
      if (now.events < MIN_EVENTS || baseEvents < MIN_EVENTS) {
        return;
      }
      newNames(type + " action", now.actions, base, t -> t.actions, 5);
      keys(type + " payload key", now, now.keys, base, t -> t.keys);
      for (PayloadKeys.Nested o : PayloadKeys.Nested.values()) {
        List<TypeProfile> profiled = base.stream().map(t -> t == null || t.unprofiled.contains(o) ? null : t).toList();
        if (profiled.stream().anyMatch(Objects::nonNull)) { // a lake older than the measure: no baseline yet
          keys(type + " payload." + o.field + " key", now, now.nested(o), profiled, t -> t.nested(o));
        }
      }
      nulls(type, now, base);
      size(type, now, base);
    }

    private void shareOfAll(String type, TypeProfile now, long total, List<TypeProfile> base) {
      double share = now.events / (double) Math.max(1, total);
      double[] shares = new double[baseline.size()];
      for (int i = 0; i < shares.length; i++) {
        TypeProfile t = base.get(i);
        shares[i] = t == null ? 0 : t.events / (double) Math.max(1, baseline.get(i).events());
      }
      double b = DriftCheck.median(shares);
      if (share >= 0.02 && share >= 3 * b) {
        add(Level.warn, type + " share of events tripled", pct(b), pct(share));
      }
    }

    private void newNames(String what, Map<String, Long> now, List<TypeProfile> base,
        Function<TypeProfile, Map<String, Long>> of, long atLeast) {
      now.forEach((name, n) -> {
        boolean seen = base.stream().anyMatch(t -> t != null && of.apply(t).containsKey(name));
        if (!seen && n >= atLeast) {
          add(Level.warn, "new " + what + " '" + name + "'", "none", String.format("%,d events", n));
        }
      });
    }

    private void keys(String what, TypeProfile now, Map<String, Long> counts, List<TypeProfile> base,
        Function<TypeProfile, Map<String, Long>> of) {
      TreeSet<String> names = new TreeSet<>(counts.keySet());
      base.stream().filter(Objects::nonNull).forEach(t -> names.addAll(of.apply(t).keySet()));
      for (String key : names) {
        double b = medianOf(base, t -> t.share(of.apply(t), key));
        double n = now.share(counts, key);
        if (b >= 0.5 && n < b * keyDrop) {
          add(Level.error, what + " '" + key + "' present", pct(b), pct(n));
        } else if (b == 0 && n >= 0.1 && base.stream().allMatch(t -> t == null || !of.apply(t).containsKey(key))) {
          add(Level.warn, "new " + what + " '" + key + "'", "none", pct(n));
        }
      }
    }

    private void nulls(String type, TypeProfile now, List<TypeProfile> base) {
      for (String column : TypedColumns.NAMES) {
        double b = medianOf(base, t -> t.share(t.nulls, column));
        double n = now.share(now.nulls, column);
        if ((b <= 0.1 && n >= 0.5) || (b >= 0.9 && n <= 0.5)) {
          add(Level.warn, type + " column " + column + " null", pct(b), pct(n));
        }
      }
    }

    private void size(String type, TypeProfile now, List<TypeProfile> base) {
      double b = medianOf(base, t -> t.medianBytes());
      long n = now.medianBytes();
      if (b > 0 && (n >= 2 * b || n <= b / 2)) {
        add(Level.warn, type + " median payload bytes " + (n >= 2 * b ? "doubled" : "halved"),
            String.format("%,.0f", b), String.format("%,d", n));
      }
    }

    private double medianOf(List<TypeProfile> base, ToDoubleFunction<TypeProfile> f) {
      return DriftCheck.median(base.stream().filter(Objects::nonNull).mapToDouble(f).toArray());
    }

    private void add(Level level, String measure, String b, String n) {
      out.add(new DriftFinding(level, partition, measure, b, n));
    }
  }

  static double median(double[] values) {
    if (values.length == 0) {
      return 0;
    }
    double[] v = values.clone();
    java.util.Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  private static String pct(double share) {
    return String.format("%.1f%%", share * 100);
  }
}
