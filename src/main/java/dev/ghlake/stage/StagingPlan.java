package dev.ghlake.stage;

import dev.ghlake.model.PartitionBy;
import java.io.Serializable;

/**
 * Where a run stages its rows and how they are cut: one folder per run, under which each
 * partition's rows are split into {@code buckets} ranges of their id.
 *
 * @param root the run's staging folder: a local path, or any Beam filesystem path (s3://…) that
 *     every worker can read; rows are written locally first and uploaded whole
 */
public record StagingPlan(String root, PartitionBy partitionBy, int buckets) implements Serializable {

  /** Whether the folder is on this machine's disk (written in place, no upload). */
  public boolean isLocal() {
    return !root.contains("://");
  }

  /** Buckets per partition: a day partition is cut into more files than an hour's. */
  public static int bucketsFor(PartitionBy by) {
    return by == PartitionBy.day ? 16 : 4;
  }
}
