package dev.ghlake.compare;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** How two lakes of the same window are compared (ghlake compare). */
public interface CompareOptions extends PipelineOptions {
  @Description("How many differences the report shows as examples (all are in differences/)")
  @Default.Integer(20)
  int getMaxExamples();

  void setMaxExamples(int value);

  @Description("Exit 1 when the sources differ other than in the documented ways")
  @Default.Boolean(true)
  boolean getFailOnDifference();

  void setFailOnDifference(boolean value);
}
