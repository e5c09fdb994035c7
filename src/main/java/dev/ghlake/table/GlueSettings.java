package dev.ghlake.table;

import java.util.Map;
import org.apache.iceberg.aws.AwsClientProperties;
import org.apache.iceberg.aws.AwsProperties;
import org.apache.iceberg.aws.HttpClientProperties;
import software.amazon.awssdk.regions.Region;

/**
 * Iceberg's Glue catalog properties from the lake's own settings, so that a lake on S3 and its
 * table in Glue need one region. The user's --icebergProperties win: each is set only when absent.
 * Credentials are the AWS SDK's default chain (the Lambda function's or the EMR cluster's role,
 * the environment, a profile), or {@code client.credentials-provider=<class>} in
 * --icebergProperties.
 */
final class GlueSettings {
  private GlueSettings() {}

  /**
   * Refuses a table Glue cannot name before the load, as Iceberg's Glue catalog would refuse it
   * at the commit after it (IcebergToGlueConverter: 1-252 and 1-255 characters of lower-case
   * letters, digits and underscores).
   */
  static void checkName(String namespace, String name) {
    if (!namespace.matches("[a-z0-9_]{1,252}") || !name.matches("[a-z0-9_]{1,255}")) {
      throw new IllegalArgumentException("--icebergTable=" + namespace + "." + name + ": Glue names its "
          + "databases and tables with lower-case letters, digits and _ only (e.g. ghlake.events)");
    }
  }

  /**
   * @param region the lake's --awsRegion (null: the SDK's default chain finds one)
   * @param endpoint --icebergUri: another Glue endpoint than the region's, or ""
   */
  static void addTo(Map<String, String> props, Region region, String endpoint) {
    if (region != null) {
      props.putIfAbsent(AwsClientProperties.CLIENT_REGION, region.id());
    }
    if (!props.containsKey(AwsClientProperties.CLIENT_REGION)) {
      // else the Glue client fails at the table's commit, after the whole load
      throw new IllegalArgumentException("--icebergCatalog=glue needs the catalog's region: give "
          + "--awsRegion (or set AWS_REGION, or a profile's region)");
    }
    if (!endpoint.isEmpty()) {
      props.putIfAbsent(AwsProperties.GLUE_CATALOG_ENDPOINT, endpoint);
    }
    // the SDK's Apache client is in the jar (the lake's S3 client uses it); the URL-connection
    // client, Iceberg's other choice, is not
    props.putIfAbsent(HttpClientProperties.CLIENT_TYPE, HttpClientProperties.CLIENT_TYPE_APACHE);
  }
}
