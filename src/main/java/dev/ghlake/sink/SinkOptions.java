package dev.ghlake.sink;

import dev.ghlake.model.PartitionBy;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Where and how the lake is written. */
public interface SinkOptions extends PipelineOptions {
  /** Parquet compression codecs offered. */
  enum Codec {
    zstd,
    snappy,
    gzip,
    uncompressed
  }

  @Description("The lake's root folder (any Beam filesystem path); events go to <output>/events/")
  String getOutput();

  void setOutput(String value);

  @Description("Partition by the event's UTC hour (dt=YYYY-MM-DD/hour=HH) or day (dt=YYYY-MM-DD)")
  @Default.Enum("hour")
  PartitionBy getPartitionBy();

  void setPartitionBy(PartitionBy value);

  @Description("Parquet compression codec")
  @Default.Enum("zstd")
  Codec getCompression();

  void setCompression(Codec value);

  // 16 MiB: a modern hour's file (~45 MB) gets three row groups, and a worker holds a third as
  // much of it while writing (a 4M-event day peaks ~80 MiB lower in a 1 GiB heap, and no slower;
  // docs/benchmarks.md); row groups of sorted rows also narrow what a time filter must read
  @Description("Parquet row-group size in MiB (memory per open file is about this much)")
  @Default.Integer(16)
  int getRowGroupMB();

  void setRowGroupMB(int value);

  @Description("Rows per Parquet file to aim for: a partition with more rows is split into "
      + "ceil(rows / this) files of even size (a file's rows are sorted in memory while written)")
  @Default.Long(250_000L)
  long getTargetRowsPerFile();

  void setTargetRowsPerFile(long value);

  @Description("Replace a partition even when the run cannot vouch for it (an hour file of it "
      + "missing, empty, broken or not holding its hour) or its version is much smaller "
      + "(--shrinkLimit); by default such a partition keeps the version the lake has")
  @Default.Boolean(false)
  boolean getReplaceIncomplete();

  void setReplaceIncomplete(boolean value);

  @Description("Keep the lake's version of a partition when the new one (made with the same "
      + "filters) would hold fewer than this share of its rows: GH Archive has re-published hours "
      + "with a fraction of their events. 0 lets any version replace it")
  @Default.Double(0.5)
  double getShrinkLimit();

  void setShrinkLimit(double value);

  @Description("Let a version of a partition made with other filters (--types, --repos, "
      + "--excludeBots, ...) replace the lake's; by default the lake's version is kept, so a "
      + "filtered run never swaps whole partitions for a subset")
  @Default.Boolean(false)
  boolean getReplaceFiltered();

  void setReplaceFiltered(boolean value);

  @Description("Where rows are staged between reading and writing: a local folder, or a folder "
      + "every worker can read (s3://…). Default: the JVM's temporary folder on the DirectRunner, "
      + "<output>/_staging on other runners")
  String getStagingLocation();

  void setStagingLocation(String value);
}
