package dev.ghlake.interactions;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** {@code ghlake interactions}' own options; the window is --from/--to, storage a run's options. */
public interface InteractionsOptions extends PipelineOptions {
  @Description("The lake: its root, as --output named it for the runs (any Beam filesystem). The "
      + "table is written beside the events, in <lake>/interactions/")
  String getLake();

  void setLake(String value);

  @Description("An actor with more interaction events than this in one day is flagged a bot "
      + "(bot_reason 'volume'); flagged, not dropped")
  @Default.Long(500)
  long getBotDailyInteractions();

  void setBotDailyInteractions(long value);

  @Description("Rebuild every day of the window, also those the table holds from the same events")
  @Default.Boolean(false)
  boolean getRebuild();

  void setRebuild(boolean value);

  @Description("Days per pipeline: each job commits its days, so a stopped run resumes after them")
  @Default.Integer(7)
  int getDaysPerJob();

  void setDaysPerJob(int value);

  @Description("Parquet files per day of the table")
  @Default.Integer(1)
  int getFilesPerDay();

  void setFilesPerDay(int value);
}
