package dev.ghlake.training;

import dev.ghlake.interactions.InteractionKind;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * An export, resolved once: the table's files of the window, where the set goes, the split, the
 * weights and decay.
 *
 * @param cutoffMicros the split (UTC microseconds): before it trains, from it tests; Long.MAX_VALUE: no split
 * @param endMicros the end of the window, the reference of the test split's decay
 */
public record ExportPlan(List<String> files, String folder, long cutoffMicros, long endMicros,
    Map<InteractionKind, Double> weights, double halfLifeDays, boolean keepBots) implements Serializable {

  public boolean split() {
    return cutoffMicros != Long.MAX_VALUE;
  }

  public String path(String name) {
    return (folder.endsWith("/") ? folder : folder + "/") + name;
  }

  /** The kinds' weights: the defaults, with {@code kind=weight,...} over them. */
  public static Map<InteractionKind, Double> weights(String overrides) {
    Map<InteractionKind, Double> out = new EnumMap<>(InteractionKind.class);
    for (InteractionKind k : InteractionKind.values()) {
      out.put(k, k.defaultWeight());
    }
    if (overrides == null || overrides.isBlank()) {
      return out;
    }
    for (String part : overrides.split(",")) {
      String[] kv = part.split("=", 2);
      if (kv.length != 2) {
        throw new IllegalArgumentException("--weights takes kind=weight pairs, e.g. star=0.25,push=1 (got '" + part + "')");
      }
      double w;
      try {
        w = Double.parseDouble(kv[1].strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--weights: '" + kv[1] + "' is no number (in '" + part + "')", e);
      }
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new IllegalArgumentException("--weights: a weight is 0 or more (got '" + part + "')");
      }
      out.put(InteractionKind.ofWire(kv[0]), w);
    }
    return out;
  }

  static long micros(LocalDate day) {
    return day.atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000L;
  }
}
