package dev.ghlake.backfill;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** The options of {@code ghlake backfill}, beside every option of a run. */
public interface BackfillOptions extends PipelineOptions {
  @Description("The unit a backfill is planned, skipped and reported in: hour, day or month")
  @Default.Enum("day")
  BackfillUnit getUnit();

  void setUnit(BackfillUnit value);

  @Description("Units per pipeline run. Default: 1 on the DirectRunner (one unit at a time, in bounded "
      + "memory), 7 on other runners (a Flink job spreads its units over the task slots)")
  Integer getUnitsPerJob();

  void setUnitsPerJob(Integer value);

  @Description("Run every unit, also those the lake already holds complete")
  @Default.Boolean(false)
  boolean getForce();

  void setForce(boolean value);

  @Description("Stop at the first failed unit (the rest are reported not run); by default the others go on")
  @Default.Boolean(false)
  boolean getFailFast();

  void setFailFast(boolean value);
}
