package dev.ghlake.commit;

import dev.ghlake.accounting.Tally;
import java.io.Serializable;
import java.util.EnumMap;
import java.util.Map;

/**
 * The verdicts that fail a run, decided from its summed tallies before any partition is
 * replaced: a run that will end {@code failed} must leave the lake as it found it. The summary
 * (RunSummary) states the same verdicts from the ledger afterwards.
 *
 * @param maxRejectedRatio above this share of rejected lines the run fails
 */
public record CommitVerdict(double maxRejectedRatio) implements Serializable {

  /**
   * Why nothing may be committed, or null.
   *
   * @param bySource each source's tallies of the accounting identity: source → kind name → count
   */
  public String refuse(Map<String, Map<String, Long>> bySource) {
    Map<Tally.Kind, Long> total = new EnumMap<>(Tally.Kind.class);
    for (Map.Entry<String, Map<String, Long>> source : bySource.entrySet()) {
      Map<Tally.Kind, Long> own = kinds(source.getValue());
      own.forEach((k, n) -> total.merge(k, n, Long::sum));
      if (read(own) != accounted(own)) {
        return "not committed: " + source.getKey() + " does not add up (read " + read(own)
            + ", accounted " + accounted(own) + ")";
      }
    }
    if (read(total) != accounted(total)) {
      return "not committed: the accounting does not add up (read " + read(total) + ", accounted "
          + accounted(total) + ")";
    }
    String rejected = overRejected(total.getOrDefault(Tally.Kind.REJECTED, 0L), read(total));
    if (rejected != null) {
      return "not committed: " + rejected;
    }
    return null;
  }

  /** Why so many rejected lines fail the run, or null; the summary says it in the same words. */
  public String overRejected(long rejected, long read) {
    double ratio = read == 0 ? 0 : rejected / (double) read;
    return ratio <= maxRejectedRatio ? null : String.format(
        "rejected %d of %d lines (%.2f%%), over --maxRejectedRatio=%s", rejected, read, ratio * 100,
        maxRejectedRatio);
  }

  private static Map<Tally.Kind, Long> kinds(Map<String, Long> byName) {
    Map<Tally.Kind, Long> out = new EnumMap<>(Tally.Kind.class);
    byName.forEach((name, n) -> out.put(Tally.Kind.valueOf(name), n));
    return out;
  }

  private static long read(Map<Tally.Kind, Long> k) {
    return k.getOrDefault(Tally.Kind.READ, 0L);
  }

  private static long accounted(Map<Tally.Kind, Long> k) {
    return k.entrySet().stream().filter(e -> e.getKey().accounts()).mapToLong(Map.Entry::getValue).sum();
  }
}
