package dev.ghlake.cost;

import dev.ghlake.storage.S3Requests;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a run (or a batch of runs, or a Lambda invocation) cost: the S3 requests ghlake sent by
 * billing class, the bytes downloaded from GH Archive, the BigQuery bytes billed, and in Lambda
 * the GB-seconds of the function's memory and of its ephemeral storage above 512 MB and the
 * requests, each priced.
 *
 * @param lambdaGbSeconds memory (GB) × billed duration (s), a cold start's INIT phase included; 0 outside Lambda
 * @param ephemeralGbSeconds ephemeral storage above 512 MB (GB) × billed duration (s)
 * @param arm64 whether the function runs on arm64 (Graviton), priced lower
 * @param lambdaRequests invocations billed (one per Lambda invocation)
 */
public record RunCost(S3Requests.Counts s3, long downloadedBytes, long bigQueryBytes, double lambdaGbSeconds,
    double ephemeralGbSeconds, boolean arm64, long lambdaRequests, Prices prices) {
  public static final RunCost NONE = new RunCost(new S3Requests.Counts(0, 0, 0), 0, 0, 0, 0, false, 0, Prices.DEFAULT);

  public double s3Usd() {
    return s3.putCopyPostList() * prices.s3PutCopyPostList() + s3.getAndOther() * prices.s3GetAndOther();
  }

  public double downloadUsd() {
    return downloadedBytes / 1e9 * prices.downloadGb();
  }

  public double bigQueryUsd() {
    return bigQueryBytes / (double) (1L << 40) * prices.bigQueryTiB();
  }

  public double lambdaUsd() {
    return lambdaGbSeconds * (arm64 ? prices.lambdaArmGbSecond() : prices.lambdaX86GbSecond())
        + ephemeralGbSeconds * prices.ephemeralGbSecond() + lambdaRequests * prices.lambdaRequest();
  }

  public double totalUsd() {
    return s3Usd() + downloadUsd() + bigQueryUsd() + lambdaUsd();
  }

  /**
   * This cost and another's (a batch's runs; an invocation's duration over its runs), priced as
   * this one unless it used nothing: {@link #NONE}'s default prices must not replace a run's own.
   */
  public RunCost plus(RunCost o) {
    return new RunCost(s3.plus(o.s3), downloadedBytes + o.downloadedBytes, bigQueryBytes + o.bigQueryBytes,
        lambdaGbSeconds + o.lambdaGbSeconds, ephemeralGbSeconds + o.ephemeralGbSeconds, arm64 || o.arm64,
        lambdaRequests + o.lambdaRequests, usedNothing() ? o.prices : prices);
  }

  /** An invocation's Lambda duration and its request, nothing else, at these prices. */
  public static RunCost lambda(double gbSeconds, double ephemeralGbSeconds, boolean arm64, Prices prices) {
    return new RunCost(NONE.s3, 0, 0, gbSeconds, ephemeralGbSeconds, arm64, 1, prices);
  }

  private boolean usedNothing() {
    return s3.equals(NONE.s3) && downloadedBytes == 0 && bigQueryBytes == 0 && lambdaGbSeconds == 0
        && ephemeralGbSeconds == 0 && lambdaRequests == 0;
  }

  /** One line for the console and Slack. */
  public String describe() {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "$%.4f: S3 %,d PUT/COPY/POST/LIST + %,d GET/other requests ($%.4f)",
        totalUsd(), s3.putCopyPostList(), s3.getAndOther(), s3Usd()));
    if (downloadedBytes > 0) {
      out.append(String.format(Locale.ROOT, ", %,.1f MB downloaded ($%.4f)", downloadedBytes / 1e6, downloadUsd()));
    }
    if (bigQueryBytes > 0) {
      out.append(String.format(Locale.ROOT, ", BigQuery %,.2f GiB ($%.4f)", bigQueryBytes / (double) (1L << 30), bigQueryUsd()));
    }
    if (lambdaGbSeconds > 0) {
      out.append(String.format(Locale.ROOT, ", Lambda %,.1f GB-s %s ($%.4f)", lambdaGbSeconds, arm64 ? "arm64" : "x86_64", lambdaUsd()));
    }
    return out.toString();
  }

  /** The summary JSON's {@code cost} object. */
  public Map<String, Object> fields() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("total_usd", round(totalUsd()));
    m.put("s3_put_copy_post_list_requests", s3.putCopyPostList());
    m.put("s3_get_and_other_requests", s3.getAndOther());
    m.put("s3_free_requests", s3.free());
    m.put("s3_usd", round(s3Usd()));
    m.put("downloaded_bytes", downloadedBytes);
    m.put("download_usd", round(downloadUsd()));
    m.put("bigquery_bytes", bigQueryBytes);
    m.put("bigquery_usd", round(bigQueryUsd()));
    m.put("lambda_gb_seconds", round(lambdaGbSeconds));
    m.put("lambda_ephemeral_gb_seconds", round(ephemeralGbSeconds));
    m.put("lambda_architecture", lambdaGbSeconds > 0 ? (arm64 ? "arm64" : "x86_64") : null);
    m.put("lambda_requests", lambdaRequests);
    m.put("lambda_usd", round(lambdaUsd()));
    m.put("prices_as_of", Prices.AS_OF);
    return m;
  }

  private static double round(double v) {
    return Math.round(v * 1e8) / 1e8;
  }
}
