package dev.ghlake.training;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** {@code ghlake interactions --export=<dir>}: the training set recommenders read (docs/interactions.md). */
public interface ExportOptions extends PipelineOptions {
  @Description("Write a training set of the window's interactions to this folder (any Beam filesystem): "
      + "train/test as CSV, Parquet and RecBole .inter, with the users' and repositories' index maps")
  String getExport();

  void setExport(String value);

  @Description("The time split: interactions before this UTC day train, those from it on test "
      + "(default: no split, everything trains)")
  String getCutoff();

  void setCutoff(String value);

  @Description("Weights of the kinds, e.g. star=0.25,fork=0.5,push=1 (the rest keep their defaults)")
  String getWeights();

  void setWeights(String value);

  @Description("Half-life of an interaction's weight, in days before the split (0: no decay)")
  @Default.Double(180)
  double getHalfLifeDays();

  void setHalfLifeDays(double value);

  @Description("Keep interactions of flagged bots in the training set")
  @Default.Boolean(false)
  boolean getExportBots();

  void setExportBots(boolean value);
}
