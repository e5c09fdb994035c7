package dev.ghlake.source.bigquery;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ghlake.model.RawLine;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryIO;
import org.apache.beam.sdk.io.gcp.bigquery.SchemaAndRecord;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;

/**
 * Reads a window of GH Archive's BigQuery tables, each row rebuilt into the event line the
 * normaliser reads. {@code direct}: the Storage Read API, one read per table, only the needed
 * columns, rows restricted to the window and types. {@code query}: the plan's SQL, its result
 * exported through a temporary table and {@code --tempLocation}.
 */
public class ReadBigQuery extends PTransform<PBegin, PCollection<RawLine>> {
  private final BigQueryPlan plan;
  private final Class<? extends BigQueryServicesFactory> services;

  public ReadBigQuery(BigQueryPlan plan, Class<? extends BigQueryServicesFactory> services) {
    this.plan = plan;
    this.services = services;
  }

  @Override
  public PCollection<RawLine> expand(PBegin begin) {
    return (plan.method() == BigQueryOptions.Method.query ? readQuery(begin) : readTables(begin))
        .setCoder(RawLine.LineCoder.of());
  }

  private PCollection<RawLine> readTables(PBegin begin) {
    PCollectionList<RawLine> tables = PCollectionList.empty(begin.getPipeline());
    for (String table : plan.tables()) {
      BigQueryIO.TypedRead<RawLine> read = BigQueryIO.read(RowToLine.fromTable(table))
          .from(tableSpec(table))
          .withMethod(BigQueryIO.TypedRead.Method.DIRECT_READ)
          .withSelectedFields(BigQueryPlan.COLUMNS)
          .withRowRestriction(plan.rowRestriction())
          .withCoder(RawLine.LineCoder.of());
      tables = tables.and(begin.apply("Read " + table, withServices(read)));
    }
    return tables.apply("AllTables", Flatten.pCollections());
  }

  private PCollection<RawLine> readQuery(PBegin begin) {
    BigQueryIO.TypedRead<RawLine> read = BigQueryIO.read(RowToLine.fromQuery(plan.dataset()))
        .fromQuery(plan.sql())
        .usingStandardSql()
        .withMethod(BigQueryIO.TypedRead.Method.EXPORT)
        .withQueryLocation(plan.location())
        .withCoder(RawLine.LineCoder.of());
    if (plan.queryTempDataset() != null) {
      read = read.withQueryTempDataset(plan.queryTempDataset());
    }
    return begin.apply("Query", withServices(read));
  }

  private BigQueryIO.TypedRead<RawLine> withServices(BigQueryIO.TypedRead<RawLine> read) {
    return services == null ? read : read.withTestServices(BigQueryServicesFactory.of(services));
  }

  /** {@code githubarchive.day.20240701} → {@code githubarchive:day.20240701}. */
  static String tableSpec(String table) {
    int dot = table.indexOf('.');
    return table.substring(0, dot) + ":" + table.substring(dot + 1);
  }

  /**
   * One row as an event line, its source the table it came from. Converted at once: the Storage
   * Read API reuses its records.
   */
  static class RowToLine implements SerializableFunction<SchemaAndRecord, RawLine> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String table;
    private final String dataset;

    private RowToLine(String table, String dataset) {
      this.table = table;
      this.dataset = dataset;
    }

    /** Rows of one table. */
    static RowToLine fromTable(String table) {
      return new RowToLine(table, null);
    }

    /** Rows of the plan's query, which names each row's table by its suffix. */
    static RowToLine fromQuery(String dataset) {
      return new RowToLine(null, dataset);
    }

    @Override
    public RawLine apply(SchemaAndRecord row) {
      String source = "bigquery:" + (table != null ? table
          : dataset + "." + row.getRecord().get(BigQueryPlan.SOURCE_TABLE));
      try {
        return new RawLine(source, 0, BigQueryRows.toEvent(JSON.readTree(row.getRecord().toString())).toString());
      } catch (IOException e) {
        throw new UncheckedIOException("a BigQuery row that is not JSON: " + source, e);
      }
    }
  }
}
