package dev.ghlake.commit;

import dev.ghlake.accounting.CompletenessCheck;
import dev.ghlake.model.PartitionBy;
import dev.ghlake.profile.DriftCheck;
import java.io.Serializable;
import java.util.List;

/**
 * What the commit of a run's partitions needs to know: where the lake is, how it is partitioned,
 * which run this is (and what shaped it), which partitions its windows claim, and when it may
 * replace a partition it cannot vouch for.
 *
 * @param optionsJson the options that shaped the run, secrets already redacted
 * @param windowPartitions partitions replaced even if the run wrote nothing to them (its windows')
 * @param replaceIncomplete replace a partition even when its source hours are not all whole
 * @param failOnMissing commit nothing when an hour of the windows is missing
 * @param shrinkGuard when a much smaller version may replace the lake's
 * @param filterGuard when a version made with other filters may replace the lake's
 * @param drift how a committed partition is compared with the lake's earlier ones
 * @param verdict the run's failing verdicts, decided before anything is committed
 * @param pendingRoot where the run marks files before they are written or retired
 * @param deferRetired leave the files a commit retires for the run's end (its table commit
 *     first: the table's current snapshot never lists a deleted file)
 */
public record CommitSpec(
    String eventsRoot,
    PartitionBy partitionBy,
    String runId,
    String version,
    String startedAt,
    String window,
    String optionsJson,
    List<String> windowPartitions,
    CompletenessCheck completeness,
    boolean replaceIncomplete,
    boolean failOnMissing,
    ShrinkGuard shrinkGuard,
    FilterGuard filterGuard,
    DriftCheck drift,
    CommitVerdict verdict,
    String pendingRoot,
    boolean deferRetired)
    implements Serializable {

  /** Partitions looked back at for the completeness check. */
  static final int HISTORY = 24;

  String folder(String partition) {
    return eventsRoot + "/" + partition;
  }
}
