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
 * @param staging this export's staging folder (local, or a Beam filesystem path every worker reads)
 * @param buckets how many buckets users and repositories are cut into: a bucket's rows are held at once
 */
public record ExportPlan(List<String> files, String folder, long cutoffMicros, long endMicros,
    Map<InteractionKind, Double> weights, double halfLifeDays, boolean keepBots, String staging, int buckets)
    implements Serializable {

  /** Rows of the table a bucket is cut for: some 20 MB of pairs and names held while it is weighed. */
  static final long ROWS_PER_BUCKET = 100_000;
  static final int MIN_BUCKETS = 64;
  /**
   * At most: staging a table file keeps one LZ4 frame (two 64 KiB blocks) open per bucket, 64 MiB
   * at 512. Beyond 51 million rows a bucket grows instead (docs/interactions.md).
   */
  static final int MAX_BUCKETS = 512;

  /** Buckets for a table of so many rows. */
  static int bucketsFor(long rows) {
    long wanted = (rows + ROWS_PER_BUCKET - 1) / ROWS_PER_BUCKET;
    return (int) Math.max(MIN_BUCKETS, Math.min(MAX_BUCKETS, wanted));
  }

  int userBucket(long actorId) {
    return Math.floorMod(Long.hashCode(actorId), buckets);
  }

  int itemBucket(long repoId) {
    // another mix than the users': a repository's bucket does not follow its owner's
    return Math.floorMod(Long.hashCode(repoId * 0x9E3779B97F4A7C15L), buckets);
  }

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
