package dev.ghlake.accounting;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** What a run must prove, and when it counts as failed. */
public interface AccountingOptions extends PipelineOptions {
  @Description("Largest share of read lines that may be rejected; above it the run fails "
      + "(after writing what it could)")
  @Default.Double(0.01)
  double getMaxRejectedRatio();

  void setMaxRejectedRatio(double value);

  @Description("Fail the run when an archive hour of the window is missing "
      + "(default: write what exists and report the run as incomplete)")
  @Default.Boolean(false)
  boolean getFailOnMissing();

  void setFailOnMissing(boolean value);

  @Description("End with exit code 3 (and fail a Lambda invocation) when the run is incomplete: "
      + "an hour missing, broken or kept. Default: incomplete runs exit 0, since the data they "
      + "committed is whole and the next run fills the gaps")
  @Default.Boolean(false)
  boolean getFailOnIncomplete();

  void setFailOnIncomplete(boolean value);

  @Description("Compare each committed partition's profile with the lake's earlier partitions "
      + "(the same hour of earlier days, or earlier days) and report drift; an error-level "
      + "finding makes the run 'suspect' (exit code 5)")
  @Default.Boolean(true)
  boolean getDriftCheck();

  void setDriftCheck(boolean value);

  @Description("Days of earlier partitions the drift check takes as its baseline")
  @Default.Integer(14)
  int getDriftBaselineDays();

  void setDriftBaselineDays(int value);

  @Description("Fewest earlier partitions (with profiles) the drift check needs; fewer: no check")
  @Default.Integer(4)
  int getDriftMinBaseline();

  void setDriftMinBaseline(int value);

  @Description("A partition with fewer events than this share of its baseline is an error")
  @Default.Double(0.1)
  double getDriftVolumeError();

  void setDriftVolumeError(double value);

  @Description("A payload key present in most of a type's events whose share falls under this "
      + "share of its baseline is an error (GitHub's payload cut of 2025-10-07)")
  @Default.Double(0.5)
  double getDriftKeyDrop();

  void setDriftKeyDrop(double value);

  @Description("Warn when a partition holds fewer events than this share of the median of the "
      + "partitions before it (up to 24 that the lake holds)")
  @Default.Double(0.5)
  double getCompletenessThreshold();

  void setCompletenessThreshold(double value);

  @Description("Warn when a partition's mix of event types differs from the partitions before it "
      + "by more than this total variation distance (0 = same mix, 1 = nothing in common)")
  @Default.Double(0.25)
  double getTypeShiftThreshold();

  void setTypeShiftThreshold(double value);
}
