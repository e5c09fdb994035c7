package dev.ghlake.recommend;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** The offline evaluation an export with a --cutoff ends with. */
public interface EvaluationOptions extends PipelineOptions {
  @Description("Measure the baseline recommenders on the export's time split (needs --cutoff)")
  @Default.Boolean(true)
  boolean getEvaluate();

  void setEvaluate(boolean value);

  @Description("Users the evaluation measures at most (a seeded sample of those in both splits)")
  @Default.Integer(10_000)
  int getEvaluateUsers();

  void setEvaluateUsers(int value);
}
