package dev.ghlake.source.bigquery;

import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServicesImpl;

/**
 * Supplies the BigQuery services a read talks to, named by --bqServicesFactory (like Beam's
 * --s3ClientFactoryClass). By default Beam's own, which reach Google with the application
 * default credentials.
 */
public interface BigQueryServicesFactory {
  BigQueryServices create();

  /** The services the named factory supplies, or Beam's own when none is named. */
  static BigQueryServices of(Class<? extends BigQueryServicesFactory> factory) {
    if (factory == null) {
      return new BigQueryServicesImpl();
    }
    try {
      return factory.getDeclaredConstructor().newInstance().create();
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("--bqServicesFactory=" + factory.getName() + " cannot be created", e);
    }
  }
}
