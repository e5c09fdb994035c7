package dev.ghlake.profile;

import dev.ghlake.accounting.Tallies;
import dev.ghlake.accounting.Tally;
import dev.ghlake.model.EventRow;
import dev.ghlake.model.PayloadKeys;
import java.util.HashMap;
import java.util.Map;

/**
 * Profiles the rows a worker stages, per event hour and type, in the pass that already reads
 * them: counts only, keyed by what an event's payload looked like (its key set and null columns
 * as bits), so the hot path does a few map lookups and no string work. {@link #flush} turns the
 * counts into {@link Tally.Kind#PROFILE} tallies, which are summed per partition like the rest.
 */
public final class EventProfiler {
  private final Map<String, Map<String, TypeCounts>> byHour = new HashMap<>();
  private String lastHour;
  private Map<String, TypeCounts> current;

  /** Counts one staged row of the given UTC hour ({@code 2024-07-01T08}). */
  public void add(String hour, EventRow row) {
    if (!hour.equals(lastHour)) { // rows come in runs of one hour: look the hour up once per run
      lastHour = hour;
      current = byHour.computeIfAbsent(hour, h -> new HashMap<>());
    }
    current.computeIfAbsent(row.type, t -> new TypeCounts()).add(row);
  }

  /** Emits the counts as tallies and forgets them. */
  public void flush(Tallies tallies) {
    byHour.forEach((hour, types) -> types.forEach((type, c) -> c.emit(type, hour, tallies)));
    byHour.clear();
    lastHour = null;
  }

  /** What one type's events looked like in one hour. */
  private static final class TypeCounts {
    private long events;
    private final Map<String, long[]> actions = new HashMap<>();
    private final Map<Shape, long[]> shapes = new HashMap<>();
    private final long[] sizes = new long[PayloadSizes.BUCKETS];

    void add(EventRow r) {
      events++;
      if (r.action != null) {
        actions.computeIfAbsent(r.action, a -> new long[1])[0]++;
      }
      long[] n = r.nestedKeys;
      shapes.computeIfAbsent(new Shape(r.payloadKeys[0], r.payloadKeys[1], n[0], n[1], n[2], n[3], n[4], n[5],
          TypedColumns.nulls(r)), s -> new long[1])[0]++;
      sizes[PayloadSizes.bucket(Math.max(0, r.payloadLength()))]++;
    }

    void emit(String type, String hour, Tallies out) {
      out.add(tally(type, PartitionProfile.EVENTS, hour), events);
      actions.forEach((a, n) -> out.add(tally(type, PartitionProfile.ACTION + a, hour), n[0]));
      Map<String, Long> measures = new HashMap<>();
      shapes.forEach((s, n) -> {
        PayloadKeys.TOP.forEach(s.k0, s.k1, k -> measures.merge(PartitionProfile.KEY + k, n[0], Long::sum));
        long[] nested = {s.p0, s.p1, s.i0, s.i1, s.c0, s.c1};
        for (PayloadKeys.Nested o : PayloadKeys.Nested.values()) {
          String prefix = PartitionProfile.NESTED_KEY + o.field + ".";
          o.keys.forEach(nested[o.at()], nested[o.at() + 1], k -> measures.merge(prefix + k, n[0], Long::sum));
        }
        for (int i = 0; i < TypedColumns.NAMES.size(); i++) {
          if ((s.nulls & (1 << i)) != 0) {
            measures.merge(PartitionProfile.NULL + TypedColumns.NAMES.get(i), n[0], Long::sum);
          }
        }
      });
      measures.forEach((m, n) -> out.add(tally(type, m, hour), n));
      for (int b = 0; b < sizes.length; b++) {
        if (sizes[b] > 0) {
          out.add(tally(type, PartitionProfile.BYTES + b, hour), sizes[b]);
        }
      }
    }

    private static Tally tally(String type, String measure, String hour) {
      return new Tally(Tally.Kind.PROFILE, type + PartitionProfile.SEP + measure, hour, "");
    }
  }

  /** A payload's key sets (its own; pull_request's, issue's, comment's) and null columns. */
  private record Shape(long k0, long k1, long p0, long p1, long i0, long i1, long c0, long c1, int nulls) {}
}
