package dev.ghlake.source.bigquery;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.Hidden;
import org.apache.beam.sdk.options.PipelineOptions;

/** How GH Archive is read from BigQuery (--source=bigquery). */
public interface BigQueryOptions extends PipelineOptions {
  /** The read methods. */
  enum Method {
    /** A standard-SQL query, exported through a temporary dataset: filters pushed into SQL. */
    query,
    /** The Storage Read API on the day tables: selected fields and a row restriction, no GCS. */
    direct
  }

  @Description("query (SQL with the filters pushed down) or direct (Storage Read API, no GCS bucket)")
  @Default.Enum("direct")
  Method getBqMethod();

  void setBqMethod(Method value);

  @Description("GH Archive's daily tables, as project.dataset")
  @Default.String("githubarchive.day")
  String getBqDayTables();

  void setBqDayTables(String value);

  @Description("Refuse to run a query that would bill more than this many bytes")
  @Default.Long(100L * 1024 * 1024 * 1024)
  long getMaxBytesBilled();

  void setMaxBytesBilled(long value);

  @Description("A class (implementing dev.ghlake.source.bigquery.BigQueryServicesFactory) that "
      + "supplies the BigQuery services; default: Beam's, which reach Google")
  @Hidden
  Class<? extends BigQueryServicesFactory> getBqServicesFactory();

  void setBqServicesFactory(Class<? extends BigQueryServicesFactory> value);

  @Description("A GCP service-account key (its JSON), as a secret reference: env:, file:, "
      + "secretsmanager:, ssm: (default: Google's application default credentials)")
  String getGcpServiceAccountKey();

  void setGcpServiceAccountKey(String value);

  @Description("Print the plan (tables and the exact SQL or row restriction) and stop")
  @Default.Boolean(false)
  boolean getDryRun();

  void setDryRun(boolean value);
}
