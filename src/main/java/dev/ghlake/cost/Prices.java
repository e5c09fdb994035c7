package dev.ghlake.cost;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What ghlake's uses of AWS and Google cost, in US dollars, on-demand in us-east-1 (N. Virginia),
 * as read on {@link #AS_OF}; one table, overridable with {@code --prices=name=usd,...}
 * (docs/report.md, "What a run cost", lists them with their sources):
 *
 * <ul>
 *   <li>Lambda duration per GB-second, x86_64 and arm64; ephemeral storage above the free 512 MB
 *       per GB-second; each request ($0.20 per million) (aws.amazon.com/lambda/pricing);
 *   <li>S3 Standard requests: PUT, COPY, POST, LIST per request ($0.005 per 1,000), GET and all
 *       other requests ($0.0004 per 1,000); DELETE and CANCEL are free (aws.amazon.com/s3/pricing);
 *   <li>data transferred in from the internet (GH Archive's files) is free
 *       (aws.amazon.com/ec2/pricing/on-demand, "Data Transfer IN To Amazon EC2 From Internet");
 *   <li>BigQuery on-demand queries per TiB (cloud.google.com/bigquery/pricing).
 * </ul>
 */
public record Prices(double lambdaX86GbSecond, double lambdaArmGbSecond, double ephemeralGbSecond,
    double lambdaRequest, double s3PutCopyPostList, double s3GetAndOther, double downloadGb, double bigQueryTiB) {
  public static final String AS_OF = "2026-12-04";
  public static final Prices DEFAULT = new Prices(0.0000166667, 0.0000133334, 0.0000000309, 0.20 / 1_000_000,
      0.005 / 1000, 0.0004 / 1000, 0.0, 6.25);

  /** The prices by the names {@code --prices} takes. */
  public Map<String, Double> byName() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("lambdaX86GbSecond", lambdaX86GbSecond);
    m.put("lambdaArmGbSecond", lambdaArmGbSecond);
    m.put("ephemeralGbSecond", ephemeralGbSecond);
    m.put("lambdaRequest", lambdaRequest);
    m.put("s3PutCopyPostList", s3PutCopyPostList);
    m.put("s3GetAndOther", s3GetAndOther);
    m.put("downloadGb", downloadGb);
    m.put("bigQueryTiB", bigQueryTiB);
    return m;
  }

  /** The defaults with {@code name=usd,...} over them; throws {@link IllegalArgumentException} naming a bad one. */
  public static Prices of(String overrides) {
    Map<String, Double> m = DEFAULT.byName();
    if (overrides != null && !overrides.isBlank()) {
      for (String pair : overrides.split(",")) {
        String[] kv = pair.strip().split("=", 2);
        if (kv.length != 2 || !m.containsKey(kv[0].strip())) {
          throw new IllegalArgumentException("--prices takes name=usd pairs, names from " + m.keySet()
              + " (got '" + pair.strip() + "')");
        }
        try {
          double usd = Double.parseDouble(kv[1].strip());
          if (usd < 0 || Double.isNaN(usd) || Double.isInfinite(usd)) {
            throw new NumberFormatException("negative");
          }
          m.put(kv[0].strip(), usd);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("--prices: " + kv[0].strip() + " must be a price in US dollars, 0 or more (got '"
              + kv[1].strip() + "')", e);
        }
      }
    }
    return new Prices(m.get("lambdaX86GbSecond"), m.get("lambdaArmGbSecond"), m.get("ephemeralGbSecond"),
        m.get("lambdaRequest"), m.get("s3PutCopyPostList"), m.get("s3GetAndOther"), m.get("downloadGb"), m.get("bigQueryTiB"));
  }
}
