package dev.ghlake.commit;

import java.io.Serializable;

/**
 * Whether a new version of a partition may replace the lake's although it holds far fewer rows.
 * GH Archive has re-published hour files with a fraction of their events (gharchive.org #310,
 * #312, #323); a re-run over them must not shrink a good lake. The guard only compares versions
 * made with the same filters: with other filters fewer rows are what the user asked for.
 *
 * @param limit the share of the lake's rows a new version must reach; 0 lets any version through
 */
public record ShrinkGuard(double limit) implements Serializable {
  /**
   * Why the new version must not replace the lake's, or null when it may.
   *
   * @param previousManifest the lake's manifest of the partition
   * @param optionsJson this run's options, as {@code OptionsRecord} wrote them
   * @param rows the rows of the new version
   */
  String refuse(String previousManifest, String optionsJson, long rows) {
    long before = PartitionManifest.rows(previousManifest);
    if (limit <= 0 || rows >= before * limit
        || !Filters.same(PartitionManifest.options(previousManifest), PartitionManifest.parse(optionsJson))) {
      return null;
    }
    return String.format("the new version would shrink it from %,d to %,d rows (under --shrinkLimit=%s "
        + "of the lake's version, made with the same filters); re-run with --shrinkLimit=0 to "
        + "accept it", before, rows, limit);
  }
}
