package dev.ghlake.commit;

import java.io.Serializable;

/**
 * Whether a version of a partition made with other filters than the lake's may replace it. A
 * run with {@code --types=IssuesEvent} over a lake of every event would otherwise swap whole
 * partitions for a subset without a word, and readers could not tell which hours are whole.
 * Every manifest records its filters; this guard keeps the lake's version unless told.
 *
 * @param replaceFiltered let a version with other filters replace the lake's
 */
public record FilterGuard(boolean replaceFiltered) implements Serializable {
  /**
   * Why the new version must not replace the lake's, or null when it may.
   *
   * @param previousManifest the lake's manifest of the partition
   * @param optionsJson this run's options, as {@code OptionsRecord} wrote them
   */
  String refuse(String previousManifest, String optionsJson) {
    var lake = PartitionManifest.options(previousManifest);
    var run = PartitionManifest.parse(optionsJson);
    if (replaceFiltered || Filters.same(lake, run)) {
      return null;
    }
    return "the lake's version was made with " + Filters.describe(lake) + ", this run's with "
        + Filters.describe(run) + "; re-run with --replaceFiltered=true to replace it anyway, or "
        + "write the other selection to another --output";
  }
}
