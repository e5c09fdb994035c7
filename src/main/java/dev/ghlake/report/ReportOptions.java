package dev.ghlake.report;

import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** {@code ghlake report}'s own options; the lake's storage options are a run's. */
public interface ReportOptions extends PipelineOptions {
  @Description("The lake to report on: its root, as --output named it for the runs (any Beam filesystem)")
  String getLake();

  void setLake(String value);

  @Description("The HTML file to write (any Beam filesystem path; default: <lake>/_report/health.html)")
  String getOut();

  void setOut(String value);
}
