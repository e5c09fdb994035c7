package dev.ghlake.cost;

import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** How a run's cost is priced. */
public interface CostOptions extends PipelineOptions {
  @Description("Prices over ghlake's table (us-east-1, on-demand; docs/report.md), as name=usd pairs: "
      + "lambdaX86GbSecond, lambdaArmGbSecond, ephemeralGbSecond, s3PutCopyPostList, s3GetAndOther "
      + "(per request), downloadGb, bigQueryTiB")
  String getPrices();

  void setPrices(String value);
}
