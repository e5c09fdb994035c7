package dev.ghlake.source.bigquery;

import com.google.api.services.bigquery.model.JobConfigurationQuery;
import com.google.api.services.bigquery.model.JobStatistics;
import com.google.api.services.bigquery.model.Table;
import java.util.ArrayList;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryHelpers;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices;

/**
 * What a read will bill, asked of BigQuery before anything is read. {@code query}: BigQuery's own
 * dry run of the plan's SQL (the bytes it would scan, which is what on-demand queries bill).
 * {@code direct}: the Storage Read API bills the bytes it returns, which cannot exceed the tables'
 * sizes (selected columns make the real figure smaller).
 */
public final class BigQueryCost {
  /** On-demand prices per TiB, for the estimate (USD): the Storage Read API, and queries. */
  static final double READ_USD_PER_TIB = 1.10;
  static final double QUERY_USD_PER_TIB = 6.25;

  private final long bytes;
  private final String what;
  private final double usdPerTib;

  private BigQueryCost(long bytes, String what, double usdPerTib) {
    this.bytes = bytes;
    this.what = what;
    this.usdPerTib = usdPerTib;
  }

  /** Asks BigQuery (or the services --bqServicesFactory names). */
  public static BigQueryCost of(BigQueryPlan plan, BigQueryOptions options) throws Exception {
    BigQueryServices services = BigQueryServicesFactory.of(options.getBqServicesFactory());
    org.apache.beam.sdk.io.gcp.bigquery.BigQueryOptions beam =
        options.as(org.apache.beam.sdk.io.gcp.bigquery.BigQueryOptions.class);
    return plan.method() == BigQueryOptions.Method.query
        ? ofQuery(plan, services, beam) : ofTables(plan, services, beam);
  }

  private static BigQueryCost ofQuery(BigQueryPlan plan, BigQueryServices services,
      org.apache.beam.sdk.io.gcp.bigquery.BigQueryOptions options) throws Exception {
    try (BigQueryServices.JobService jobs = services.getJobService(options)) {
      JobStatistics dryRun = jobs.dryRunQuery(options.getProject(),
          new JobConfigurationQuery().setQuery(plan.sql()).setUseLegacySql(false), plan.location());
      Long bytes = dryRun.getTotalBytesProcessed() != null ? dryRun.getTotalBytesProcessed()
          : dryRun.getQuery() == null ? null : dryRun.getQuery().getTotalBytesProcessed();
      if (bytes == null) {
        throw new IllegalStateException("BigQuery's dry run of the query gave no bytes processed");
      }
      return new BigQueryCost(bytes, String.format("scans %,d bytes (BigQuery's dry run of the "
          + "query, over %d table(s))", bytes, plan.tables().size()), QUERY_USD_PER_TIB);
    }
  }

  private static BigQueryCost ofTables(BigQueryPlan plan, BigQueryServices services,
      org.apache.beam.sdk.io.gcp.bigquery.BigQueryOptions options) throws Exception {
    long bytes = 0;
    long rows = 0;
    try (BigQueryServices.DatasetService datasets = services.getDatasetService(options)) {
      for (String table : plan.tables()) {
        Table t = datasets.getTable(BigQueryHelpers.parseTableSpec(ReadBigQuery.tableSpec(table)),
            new ArrayList<>(BigQueryPlan.COLUMNS));
        if (t == null) {
          throw new IllegalStateException("BigQuery has no table " + table);
        }
        bytes += t.getNumBytes() == null ? 0 : t.getNumBytes();
        rows += t.getNumRows() == null ? 0 : t.getNumRows().longValue();
      }
    }
    return new BigQueryCost(bytes, String.format("reads at most %,d bytes (%,d rows) from %d table(s)",
        bytes, rows, plan.tables().size()), READ_USD_PER_TIB);
  }

  public long bytes() {
    return bytes;
  }

  public String describe() {
    return String.format("  %s: about $%.4f at $%.2f/TiB", what,
        bytes / Math.pow(1024, 4) * usdPerTib, usdPerTib);
  }
}
