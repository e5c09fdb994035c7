package dev.ghlake.sink;

import dev.ghlake.accounting.CompletenessCheck;
import java.io.Serializable;
import java.util.List;

/**
 * What the commit of a run's partitions needs to know: where the lake is, how it is partitioned,
 * which run this is (and what shaped it), and which partitions the run's window claims.
 *
 * @param optionsJson the options that shaped the run, secrets already redacted
 * @param windowPartitions partitions replaced even if the run wrote nothing to them (a window's)
 */
public record CommitSpec(
    String eventsRoot,
    SinkOptions.PartitionBy partitionBy,
    String runId,
    String version,
    String startedAt,
    String window,
    String optionsJson,
    List<String> windowPartitions,
    CompletenessCheck completeness)
    implements Serializable {

  /** Partitions looked back at for the completeness check. */
  static final int HISTORY = 24;

  String folder(String partition) {
    return eventsRoot + "/" + partition;
  }
}
