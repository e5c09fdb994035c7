package dev.ghlake.source.bigquery;

import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices;

/**
 * Supplies the BigQuery services a read talks to, named by --bqServicesFactory (like Beam's
 * --s3ClientFactoryClass). By default Beam's own, which reach Google with the application
 * default credentials.
 */
public interface BigQueryServicesFactory {
  BigQueryServices create();
}
