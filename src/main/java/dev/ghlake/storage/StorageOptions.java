package dev.ghlake.storage;

import org.apache.beam.sdk.io.aws2.options.S3Options;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/**
 * How the lake's storage is reached. S3 itself needs nothing here: Beam's own options apply
 * ({@code --awsRegion}, {@code --endpoint}, {@code --awsCredentialsProvider}, {@code
 * --SSEAlgorithm}, {@code --SSEKMSKeyId}), and by default the AWS default credential chain and
 * region. This adds what S3-compatible servers need.
 */
public interface StorageOptions extends S3Options {
  @Description("Address S3 buckets by path (http://host/bucket/key) instead of by host name: "
      + "needed by S3-compatible servers such as MinIO or S3Proxy, not by AWS")
  @Default.Boolean(false)
  boolean getS3PathStyle();

  void setS3PathStyle(boolean value);

  @Description("Static AWS keys as a secret reference (env:, file:, secretsmanager:, ssm:) to a JSON "
      + "object {\"accessKeyId\", \"secretAccessKey\"[, \"sessionToken\"]} (default: the AWS default "
      + "credential chain, or --awsCredentialsProvider)")
  String getAwsCredentialsSecret();

  void setAwsCredentialsSecret(String value);

  @Description("Seconds a run waits for another run that holds a lease on its window (or on the "
      + "lake) before it refuses to run")
  @Default.Integer(60)
  int getLeaseWaitSeconds();

  void setLeaseWaitSeconds(int value);

  @Description("Minutes a run's lease lives without renewal (a running run renews it every third "
      + "of that); a run that died frees its window after this, or at once on the same host")
  @Default.Integer(10)
  int getLeaseMinutes();

  void setLeaseMinutes(int value);
}
