package dev.ghlake.source.bigquery;

import org.apache.beam.sdk.extensions.gcp.options.GcpOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.Hidden;

/**
 * How GH Archive is read from BigQuery (--source=bigquery). Extends {@link GcpOptions} for
 * {@code --project} and the credentials: the bundled jar does not register Google Cloud's options.
 */
public interface BigQueryOptions extends GcpOptions {
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

  /** GH Archive's table sets: one table a day, a month or a year. */
  enum TablePeriod {
    day,
    month,
    year
  }

  @Description("Which of GH Archive's table sets to read: day (githubarchive.day.YYYYMMDD), "
      + "month (githubarchive.month.YYYYMM) or year (githubarchive.year.YYYY)")
  @Default.Enum("day")
  TablePeriod getBqTablePeriod();

  void setBqTablePeriod(TablePeriod value);

  @Description("The dataset holding those tables, as project.dataset (default: githubarchive.<period>)")
  String getBqDataset();

  void setBqDataset(String value);

  @Description("--bqMethod=query: the location the query runs in (GH Archive's tables are in US)")
  @Default.String("US")
  String getBqLocation();

  void setBqLocation(String value);

  @Description("--bqMethod=query: an existing dataset of --project for the query's result table "
      + "(default: Beam creates a temporary dataset, which needs bigquery.datasets.create)")
  String getBqQueryTempDataset();

  void setBqQueryTempDataset(String value);

  @Description("Refuse to read when BigQuery says the read would bill more than this many bytes")
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
}
