package dev.ghlake.source.bigquery;

import com.google.api.services.bigquery.model.Table;
import java.util.ArrayList;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryHelpers;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServicesImpl;

/**
 * What a direct read will cost at most, asked of BigQuery before anything is read: the Storage
 * Read API bills the bytes it returns, and those cannot exceed the tables' own sizes (selected
 * columns make the real figure smaller).
 */
public final class BigQueryCost {
  /** The Storage Read API's on-demand price per TiB read, for the estimate (USD). */
  static final double USD_PER_TIB = 1.10;

  private final long bytes;
  private final long rows;
  private final int tables;

  private BigQueryCost(long bytes, long rows, int tables) {
    this.bytes = bytes;
    this.rows = rows;
    this.tables = tables;
  }

  /** Asks BigQuery (or the services --bqServicesFactory names) for the plan's tables' sizes. */
  public static BigQueryCost of(BigQueryPlan plan, BigQueryOptions options) throws Exception {
    BigQueryServices services = options.getBqServicesFactory() == null
        ? new BigQueryServicesImpl()
        : options.getBqServicesFactory().getDeclaredConstructor().newInstance().create();
    long bytes = 0;
    long rows = 0;
    try (BigQueryServices.DatasetService datasets = services.getDatasetService(
        options.as(org.apache.beam.sdk.io.gcp.bigquery.BigQueryOptions.class))) {
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
    return new BigQueryCost(bytes, rows, plan.tables().size());
  }

  public long bytes() {
    return bytes;
  }

  public String describe() {
    return String.format("  reads at most %,d bytes (%,d rows) from %d table(s): about $%.4f at $%.2f/TiB",
        bytes, rows, tables, bytes / Math.pow(1024, 4) * USD_PER_TIB, USD_PER_TIB);
  }

}
