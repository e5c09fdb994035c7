package dev.ghlake;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.ghlake.summary.RunSummary;
import dev.ghlake.table.Catalogs;
import dev.ghlake.table.EventTable;
import dev.ghlake.table.TablePlan;
import dev.ghlake.table.TableSync;
import dev.ghlake.testing.DuckDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The table lists each data file with its columns' bounds, read from the file's Parquet footer:
 * a query on created_at alone (no dt/hour) plans only the files that can hold it, and reads the
 * rows DuckDB finds in all the files. Before, files had a row count and a size only, and every
 * query planned every file of the table.
 */
public class IcebergColumnBoundsTest {
  private static final String H2 = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;AUTO_SERVER=TRUE";
  @Rule public TemporaryFolder tmp = new TemporaryFolder();
  private ThreeHourLake fixture;
  private String[] options;
  private Catalog catalog;

  @Before
  public void aLakeAndItsTable() throws Exception {
    fixture = new ThreeHourLake(tmp);
    options = new String[] {"--table=iceberg", "--icebergCatalog=jdbc",
        "--icebergUri=jdbc:h2:file:" + tmp.getRoot().toPath().resolve("catalog") + H2,
        "--icebergWarehouse=" + tmp.getRoot().toPath().resolve("warehouse")};
  }

  @After
  public void close() {
    Catalogs.close(catalog);
  }

  private TablePlan plan() {
    return fixture.tablePlan(options);
  }

  private Table table(TablePlan plan) {
    catalog = catalog == null ? Catalogs.open(plan) : catalog;
    return EventTable.createOrLoad(catalog, plan);
  }

  @Test
  public void aQueryOnCreatedAtPlansOnlyTheFilesThatCanHoldIt() throws Exception {
    RunSummary s = fixture.run(fixture.archive.toString(), "--from=2024-07-01T00", options);
    assertEquals(s.failures().toString(), RunSummary.Status.success, s.status());
    Table table = table(plan());
    Expression firstHalfOfHourOne = Expressions.and(
        Expressions.greaterThanOrEqual("created_at", "2024-07-01T01:00:00+00:00"),
        Expressions.lessThan("created_at", "2024-07-01T01:30:00+00:00"));

    Set<String> planned = new TreeSet<>();
    Set<String> all = new TreeSet<>();
    try (CloseableIterable<FileScanTask> tasks = table.newScan().filter(firstHalfOfHourOne).planFiles()) {
      tasks.forEach(t -> planned.add(table.spec().partitionToPath(t.file().partition())));
    }
    try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
      tasks.forEach(t -> all.add(t.file().path().toString()));
    }
    assertEquals(Set.of("dt=2024-07-01/hour=01"), planned);

    long iceberg = 0;
    try (CloseableIterable<Record> rows = IcebergGenerics.read(table).where(firstHalfOfHourOne).build()) {
      for (Record ignored : rows) {
        iceberg++;
      }
    }
    String files = all.stream().map(f -> "'" + f + "'").collect(Collectors.joining(","));
    long duckdb = DuckDb.count("SELECT count(*) FROM read_parquet([" + files + "]) WHERE created_at >= "
        + "TIMESTAMPTZ '2024-07-01 01:00:00+00' AND created_at < TIMESTAMPTZ '2024-07-01 01:30:00+00'");
    assertTrue("the window holds events: " + duckdb, duckdb > 0);
    assertEquals(duckdb, iceberg);
  }

  /** A manifest whose row count is not its file's stops the table's commit, naming the file. */
  @Test
  public void aManifestThatDisagreesWithItsFileIsNotCommitted() throws Exception {
    RunSummary s = fixture.run(fixture.archive.toString(), "--from=2024-07-01T00"); // no table yet
    assertEquals(s.failures().toString(), RunSummary.Status.success, s.status());
    Path manifest = fixture.lake.resolve("events/dt=2024-07-01/hour=02/_manifest.json");
    String text = Files.readString(manifest);
    String rows = text.replaceFirst("(?s).*\"rows\" : (\\d+).*", "$1");
    Files.writeString(manifest, text.replaceFirst("\"rows\" : " + rows, "\"rows\" : " + (Long.parseLong(rows) + 1)));

    TablePlan plan = plan();
    Table table = table(plan);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> TableSync.sync(table, plan, List.of("dt=2024-07-01/hour=00", "dt=2024-07-01/hour=02")));
    assertTrue(e.getMessage(), e.getMessage().contains("hour=02/part-") && e.getMessage().contains("disagree"));
    table.refresh();
    assertEquals("nothing committed", null, table.currentSnapshot());
  }

  /**
   * Every data file's columns carry the table's field ids, as DuckDB reads them from the Parquet
   * schema: an Iceberg reader that does not follow name mappings still finds every column.
   * Before, the files had no field ids at all.
   */
  @Test
  public void theFilesColumnsCarryTheTablesFieldIds() throws Exception {
    RunSummary s = fixture.run(fixture.archive.toString(), "--from=2024-07-01T00", options);
    assertEquals(s.failures().toString(), RunSummary.Status.success, s.status());
    Table table = table(plan());
    List<String> files = new ArrayList<>();
    try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
      tasks.forEach(t -> files.add(t.file().path().toString()));
    }
    assertEquals(3, files.size());
    for (String file : files) {
      Map<String, Integer> ids = new TreeMap<>();
      DuckDb.query("SELECT name, field_id FROM parquet_schema('" + file + "') WHERE num_children IS NULL",
          rs -> ids.put(rs.getString(1), rs.getObject(2) == null ? null : rs.getInt(2)));
      Map<String, Integer> want = new TreeMap<>();
      table.schema().columns().stream().filter(c -> !c.name().equals("dt") && !c.name().equals("hour"))
          .forEach(c -> want.put(c.name(), c.fieldId()));
      assertEquals(file, want, ids);
    }
  }
}
