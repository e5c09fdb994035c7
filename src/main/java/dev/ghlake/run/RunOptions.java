package dev.ghlake.run;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** How a run reports on itself. */
public interface RunOptions extends PipelineOptions {
  @Description("Also write the run summary as JSON to this path (any Beam filesystem path)")
  String getSummaryFile();

  void setSummaryFile(String value);

  @Description("Seconds between progress lines on stderr; 0 for none")
  @Default.Integer(5)
  int getProgressSeconds();

  void setProgressSeconds(int value);

  @Description("Print what the run would read, write, replace and keep (for BigQuery also the SQL "
      + "and what BigQuery says it bills), then stop: nothing is read but listings and manifests, "
      + "nothing is written")
  @Default.Boolean(false)
  boolean getDryRun();

  void setDryRun(boolean value);
}
