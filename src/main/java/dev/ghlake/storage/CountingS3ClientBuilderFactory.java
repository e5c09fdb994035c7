package dev.ghlake.storage;

import org.apache.beam.sdk.io.aws2.options.S3ClientBuilderFactory;
import org.apache.beam.sdk.io.aws2.options.S3Options;
import org.apache.beam.sdk.io.aws2.s3.DefaultS3ClientBuilderFactory;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Beam's own S3 client, configured as usual (buckets by path with --s3PathStyle), that counts its
 * requests by billing class ({@link S3Requests}) for the run's cost.
 */
public class CountingS3ClientBuilderFactory implements S3ClientBuilderFactory {
  @Override
  public S3ClientBuilder createBuilder(S3Options options) {
    S3ClientBuilder builder = new DefaultS3ClientBuilderFactory().createBuilder(options);
    if (options.as(StorageOptions.class).getS3PathStyle()) {
      builder.forcePathStyle(true);
    }
    ClientOverrideConfiguration set = builder.overrideConfiguration(); // Beam's, kept
    return builder.overrideConfiguration((set == null ? ClientOverrideConfiguration.builder() : set.toBuilder())
        .addExecutionInterceptor(S3Requests.INTERCEPTOR).build());
  }
}
