package dev.ghlake.secrets;

import org.apache.beam.sdk.io.aws2.options.AwsOptions;
import org.apache.beam.sdk.options.Description;

/**
 * Where secrets are looked up. Region and credentials are Beam's AWS options (--awsRegion,
 * --awsCredentialsProvider; by default the AWS default chain), as for S3.
 */
public interface SecretOptions extends AwsOptions {
  @Description("AWS Secrets Manager endpoint (default: AWS's own for the region); for VPC "
      + "endpoints and tests")
  String getSecretsManagerEndpoint();

  void setSecretsManagerEndpoint(String value);

  @Description("AWS Systems Manager (SSM) endpoint (default: AWS's own for the region)")
  String getSsmEndpoint();

  void setSsmEndpoint(String value);
}
