package dev.ghlake.sink;

import java.io.Serializable;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * How a run's Parquet files are cut and written, resolved once from the options.
 *
 * @param eventsRoot {@code <output>/events}
 * @param targetRowsPerFile a partition of n rows gets ceil(n / this) files
 * @param buckets the staging buckets per partition (see {@code StagingPlan})
 * @param pendingRoot where the run marks the partitions it writes into before their commit
 */
public record FilePlan(String eventsRoot, String runId, long targetRowsPerFile, int buckets,
    CompressionCodecName codec, int rowGroupBytes, String pendingRoot) implements Serializable {

  /** Files for a partition of {@code rows} staged rows. */
  int filesFor(long rows) {
    return (int) Math.max(1, Math.min(99_999, (rows + targetRowsPerFile - 1) / targetRowsPerFile));
  }

  String folder(String partition) {
    return eventsRoot + "/" + partition;
  }
}
