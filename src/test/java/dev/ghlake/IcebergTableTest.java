package dev.ghlake;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import dev.ghlake.cli.CommandLine;
import dev.ghlake.model.LakePaths;
import dev.ghlake.model.PartitionBy;
import dev.ghlake.summary.RunSummary;
import dev.ghlake.table.BeamFileIO;
import dev.ghlake.table.Catalogs;
import dev.ghlake.table.EventTable;
import dev.ghlake.table.TableExpiry;
import dev.ghlake.table.TablePlan;
import dev.ghlake.table.TableSync;
import dev.ghlake.testing.DuckDb;
import dev.ghlake.testing.GhLakeProcess;
import dev.ghlake.testing.IcebergRestServer;
import dev.ghlake.testing.PostgresServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The lake as an Iceberg table (issue 24), with real catalogs: Iceberg's Hadoop catalog on this
 * disk, its JDBC catalog on an embedded H2 database. What the table says is read back
 * through Iceberg's own reader, and its data files through DuckDB.
 */
public class IcebergTableTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();
  private ThreeHourLake fixture;

  @Before
  public void threeHours() throws Exception {
    fixture = new ThreeHourLake(tmp);
  }

  private RunSummary run(String... extra) {
    return fixture.run(fixture.archive.toString(), "--from=2024-07-01T00", extra);
  }

  private TablePlan plan(String... extra) {
    return fixture.tablePlan(extra);
  }

  private static Table load(TablePlan plan) {
    Catalog catalog = Catalogs.open(plan);
    return EventTable.createOrLoad(catalog, plan);
  }

  /** Rows by partition, as Iceberg's generic reader reads the table's current snapshot. */
  private static Map<String, Long> rowsByPartition(Table table) throws Exception {
    Map<String, Long> out = new HashMap<>();
    try (CloseableIterable<Record> rows = IcebergGenerics.read(table).build()) {
      for (Record r : rows) {
        assertTrue(r.getField("created_at") != null && r.getField("event_id") != null);
        out.merge(r.getField("dt") + "/" + r.getField("hour"), 1L, Long::sum);
      }
    }
    return out;
  }

  private static Set<String> dataFiles(Table table) throws Exception {
    Set<String> out = new HashSet<>();
    try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
      tasks.forEach(t -> out.add(t.file().path().toString()));
    }
    return out;
  }

  private static final String[] HADOOP = {"--table=iceberg"};

  /** The Hadoop catalog is refused on Java 24 and later (TablePlan.checkJava, HADOOP-19212). */
  private static void assumeHadoopCatalogRuns() {
    assumeTrue("Iceberg's Hadoop catalog needs Java 23 or older (HADOOP-19212)", TablePlan.hadoopRunsOn(Runtime.version().feature()));
  }
  /** Iceberg's JDBC catalog looks for its tables in lower case, as PostgreSQL names them. */
  private static final String H2 = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;AUTO_SERVER=TRUE";

  @Test
  public void aRunCommitsItsPartitionsAsOneSnapshotThatIcebergAndDuckDbReadBack() throws Exception {
    assumeHadoopCatalogRuns();
    RunSummary s = run(HADOOP);
    assertEquals(s.failures().toString(), RunSummary.Status.success, s.status());
    assertTrue(s.table(), s.table().contains("3 partition(s) replaced"));
    Table table = load(plan(HADOOP));
    assertEquals(1, count(table.snapshots()));
    Map<String, Long> rows = rowsByPartition(table);
    assertEquals(Set.of("2024-07-01/00", "2024-07-01/01", "2024-07-01/02"), rows.keySet());
    assertEquals(s.written(), rows.values().stream().mapToLong(Long::longValue).sum());
    Set<String> files = dataFiles(table);
    String list = files.stream().map(f -> "'" + f + "'").collect(Collectors.joining(","));
    assertEquals(s.written(), DuckDb.count("SELECT count(*) FROM read_parquet([" + list + "])"));
    assertEquals(s.written(), table.currentSnapshot().summary().get("total-records") == null ? -1
        : Long.parseLong(table.currentSnapshot().summary().get("total-records")));
  }

  @Test
  public void aReRunIsANewSnapshotAndTheTableNeverListsADeletedFile() throws Exception {
    assumeHadoopCatalogRuns();
    RunSummary first = run(HADOOP);
    Table table = load(plan(HADOOP));
    Set<String> before = dataFiles(table);
    RunSummary again = run(HADOOP);
    assertEquals(RunSummary.Status.success, again.status());
    table.refresh();
    assertEquals(2, count(table.snapshots()));
    Set<String> now = dataFiles(table);
    assertFalse("the re-run's files are new", now.stream().anyMatch(before::contains));
    for (String f : now) {
      assertTrue(f, Files.exists(Path.of(f)));
    }
    for (String f : before) {
      assertFalse("retired, after the table commit: " + f, Files.exists(Path.of(f)));
    }
    assertEquals(first.written(), rowsByPartition(table).values().stream().mapToLong(Long::longValue).sum());
    // the same window and lake again with nothing new: the sync finds nothing to change
    assertNull(TableSync.sync(table, plan(HADOOP), List.of("dt=2024-07-01/hour=00")).snapshotId());
  }

  @Test
  public void aJdbcCatalogOnH2HoldsTheTable() throws Exception {
    String[] jdbc = jdbc("ghlake.events");
    RunSummary s = run(jdbc);
    assertEquals(s.failures().toString(), RunSummary.Status.success, s.status());
    assertTrue(s.table(), s.table().contains("3 partition(s) replaced"));
    assertEquals(s.written(), rowsByPartition(load(plan(jdbc))).values().stream().mapToLong(Long::longValue).sum());
  }

  /**
   * Iceberg's JDBC catalog on a real PostgreSQL server (Debian's, started for the test), as on
   * Amazon RDS or Aurora: a run and a re-run are two snapshots, and two clients creating a table
   * and committing other partitions at the same moment both land, as do two processes syncing at once.
   */
  @Test
  public void aJdbcCatalogOnPostgreSqlHoldsTheTable() throws Exception {
    try (PostgresServer pg = PostgresServer.start()) {
      String[] postgres = {"--table=iceberg", "--icebergCatalog=jdbc", "--icebergUri=" + pg.jdbcUrl(),
          "--icebergTable=ghlake.events", "--icebergWarehouse=" + tmp.getRoot().toPath().resolve("warehouse")};
      RunSummary s = run(postgres);
      assertEquals(s.failures().toString(), RunSummary.Status.success, s.status());
      assertTrue(s.table(), s.table().contains("3 partition(s) replaced"));
      assertEquals(RunSummary.Status.success, run(postgres).status());
      Table table = load(plan(postgres));
      assertEquals(2, count(table.snapshots()));
      assertEquals(s.written(), rowsByPartition(table).values().stream().mapToLong(Long::longValue).sum());

      // two clients (each its own connections) make a new table and commit at once, eight times:
      // both land (on PostgreSQL the loser of the create learns it from a key violation)
      for (int round = 0; round < 8; round++) {
        String[] race = postgres.clone();
        race[3] = "--icebergTable=race.events" + round;
        Table raced = commitAtOnce(race);
        assertEquals("round " + round, 2, count(raced.snapshots()));
        assertEquals(s.written(), rowsByPartition(raced).values().stream().mapToLong(Long::longValue).sum());
      }
      syncFromTwoProcesses(postgres, s.written());
    }
  }

  /**
   * Two processes (`ghlake table sync`, each its own JVM, as two hosts' runs would) commit other
   * windows of the lake to one new table at once: both exit 0, each window is one snapshot, and
   * the table holds every row (the JDBC catalog moves the table's pointer by a conditional update).
   */
  private void syncFromTwoProcesses(String[] postgres, long written) throws Exception {
    String[] options = postgres.clone();
    options[3] = "--icebergTable=processes.events";
    List<GhLakeProcess> syncs = new ArrayList<>();
    for (String[] window : List.of(new String[] {"--from=2024-07-01T00", "--to=2024-07-01T02"},
        new String[] {"--from=2024-07-01T02", "--to=2024-07-01T03"})) {
      List<String> args = new ArrayList<>(List.of("sync", "--output=" + fixture.lake, window[0], window[1]));
      args.addAll(List.of(options));
      syncs.add(GhLakeProcess.startMain(TableCommand.class.getName(),
          tmp.getRoot().toPath().resolve("sync-" + syncs.size() + ".log"), List.of("-Xmx512m"), Map.of(),
          args.toArray(String[]::new)));
    }
    for (GhLakeProcess sync : syncs) {
      int exit = sync.waitFor(180);
      assertEquals(sync.output(), 0, exit);
    }
    Table table = load(plan(options));
    assertEquals(2, count(table.snapshots()));
    assertEquals(written, rowsByPartition(table).values().stream().mapToLong(Long::longValue).sum());
  }

  /**
   * An Iceberg REST catalog (the protocol of S3 Tables' and Glue's Iceberg endpoints) on loopback,
   * Iceberg's own handlers over a JDBC catalog: a run and a re-run are two snapshots, each one
   * commit through the REST protocol, and the table reads back through the REST client.
   */
  @Test
  public void aRestCatalogHoldsTheTable() throws Exception {
    Map<String, String> backendProps = Map.of(CatalogUtil.ICEBERG_CATALOG_TYPE, "jdbc",
        CatalogProperties.URI, "jdbc:h2:file:" + tmp.getRoot().toPath().resolve("rest-backend") + H2,
        CatalogProperties.WAREHOUSE_LOCATION, tmp.getRoot().toPath().resolve("warehouse").toString(),
        // the server writes metadata as ghlake does, not through Hadoop (which fails on Java 24+)
        CatalogProperties.FILE_IO_IMPL, BeamFileIO.class.getName());
    Catalog backend = CatalogUtil.buildIcebergCatalog("backend", backendProps, null);
    try (IcebergRestServer server = new IcebergRestServer(backend)) {
      String[] rest = {"--table=iceberg", "--icebergCatalog=rest", "--icebergUri=" + server.uri(),
          "--icebergTable=ghlake.events", "--icebergWarehouse=" + tmp.getRoot().toPath().resolve("warehouse")};
      RunSummary s = run(rest);
      assertEquals(s.failures().toString(), RunSummary.Status.success, s.status());
      assertTrue(s.table(), s.table().contains("3 partition(s) replaced"));
      assertEquals(RunSummary.Status.success, run(rest).status());
      assertEquals(2, server.commits());
      Table table = load(plan(rest));
      assertEquals(2, count(table.snapshots()));
      assertEquals(s.written(), rowsByPartition(table).values().stream().mapToLong(Long::longValue).sum());
      // the catalog behind the REST endpoint holds the same table
      assertEquals(table.currentSnapshot().snapshotId(),
          backend.loadTable(TableIdentifier.of("ghlake", "events")).currentSnapshot().snapshotId());
    } finally {
      Catalogs.close(backend);
    }
  }

  /**
   * Two clients of one catalog (each its own connections, as two processes have) open a new
   * catalog database, create the same namespace and table and commit other partitions of it at
   * the same moment, eight times over: both commits land every time (Iceberg retries the one
   * whose base moved), the table made once.
   */
  @Test
  public void twoClientsCommittingAtOnceBothLand() throws Exception {
    RunSummary s = run(); // the lake without a table
    for (int round = 0; round < 8; round++) {
      Table table = commitAtOnce(jdbc("race.events" + round));
      assertEquals("round " + round, 2, count(table.snapshots()));
      assertEquals("round " + round, s.written(), rowsByPartition(table).values().stream().mapToLong(Long::longValue).sum());
    }
  }

  /**
   * Two clients, each its own catalog connections (as two processes have), create the table the
   * options name and commit other partitions of the lake into it at the same moment.
   */
  private Table commitAtOnce(String[] options) throws Exception {
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService two = Executors.newFixedThreadPool(2);
    List<Future<TableSync.Outcome>> outcomes = new ArrayList<>();
    for (List<String> partitions : List.of(List.of("dt=2024-07-01/hour=00", "dt=2024-07-01/hour=01"),
        List.of("dt=2024-07-01/hour=02"))) {
      outcomes.add(two.submit(() -> {
        TablePlan plan = plan(options);
        start.await(30, TimeUnit.SECONDS);
        return TableSync.sync(EventTable.createOrLoad(Catalogs.open(plan), plan), plan, partitions);
      }));
    }
    for (Future<TableSync.Outcome> o : outcomes) {
      assertTrue(o.get(60, TimeUnit.SECONDS).snapshotId() != null);
    }
    two.shutdown();
    return load(plan(options));
  }

  private String[] jdbc(String table) {
    return new String[] {"--table=iceberg", "--icebergCatalog=jdbc", "--icebergTable=" + table,
        "--icebergUri=jdbc:h2:file:" + tmp.getRoot().toPath().resolve("catalog") + H2,
        "--icebergWarehouse=" + tmp.getRoot().toPath().resolve("warehouse")};
  }

  @Test
  public void aFailedTableCommitFailsTheRunAndTableSyncRepairsIt() throws Exception {
    String[] broken = {"--table=iceberg", "--icebergCatalog=jdbc", "--icebergUri=jdbc:h2:file:"
        + tmp.getRoot().toPath().resolve("no/such/folder/catalog") + H2 + ";IFEXISTS=TRUE",
        "--icebergWarehouse=" + tmp.getRoot().toPath().resolve("warehouse")};
    RunSummary s = run(broken);
    assertEquals(RunSummary.Status.failed, s.status());
    assertTrue(s.failures().toString(), s.failures().get(0).contains("the lake's partitions are committed")
        && s.failures().get(0).contains("ghlake table sync"));
    assertTrue(Files.exists(fixture.lake.resolve("events/dt=2024-07-01/hour=01/_manifest.json")));

    String[] fixed = {"--table=iceberg", "--icebergCatalog=jdbc", "--icebergUri=jdbc:h2:file:"
        + tmp.getRoot().toPath().resolve("catalog") + H2,
        "--icebergWarehouse=" + tmp.getRoot().toPath().resolve("warehouse")};
    List<String> args = new ArrayList<>(List.of("sync", "--output=" + fixture.lake,
        "--from=2024-07-01T00", "--to=2024-07-01T03"));
    args.addAll(List.of(fixed));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(0, TableCommand.run(args.toArray(new String[0]), new PrintStream(out, true, StandardCharsets.UTF_8)));
    assertTrue(out.toString(StandardCharsets.UTF_8), out.toString(StandardCharsets.UTF_8).contains("3 partition(s) replaced"));
    assertEquals(s.written(), rowsByPartition(load(plan(fixed))).values().stream().mapToLong(Long::longValue).sum());
  }

  @Test
  public void expiryKeepsTheCurrentSnapshotAndEveryDataFileOfTheLake() throws Exception {
    assumeHadoopCatalogRuns();
    run(HADOOP);
    run(HADOOP);
    run(HADOOP);
    TablePlan plan = plan(HADOOP);
    Table table = load(plan);
    assertEquals(3, count(table.snapshots()));
    Set<String> current = dataFiles(table);
    Map<String, Long> rows = rowsByPartition(table);
    String said = TableExpiry.expire(table, plan, Instant.now().plusSeconds(1));
    assertTrue(said, said.contains("kept 1 of 3"));
    table = load(plan);
    assertEquals(current, dataFiles(table));
    current.forEach(f -> assertTrue(f, Files.exists(Path.of(f))));
    assertEquals(rows, rowsByPartition(table));
  }

  @Test
  public void catalogOptionsThatCannotWorkStopTheRunBeforeItStarts() {
    IllegalArgumentException onS3 = assertThrows(IllegalArgumentException.class, () -> TablePlan.of(
        CommandLine.options("--output=s3://lake/gh", "--table=iceberg"), LakePaths.of("s3://lake/gh"), PartitionBy.hour));
    assertTrue(onS3.getMessage(), onS3.getMessage().contains("--icebergCatalog=jdbc"));
    IllegalArgumentException noUri = assertThrows(IllegalArgumentException.class, () -> TablePlan.of(
        CommandLine.options("--output=/x", "--table=iceberg", "--icebergCatalog=jdbc"), LakePaths.of("/x"), PartitionBy.hour));
    assertTrue(noUri.getMessage(), noUri.getMessage().contains("needs --icebergUri"));
    IllegalArgumentException badName = assertThrows(IllegalArgumentException.class, () -> TablePlan.of(
        CommandLine.options("--output=/x", "--table=iceberg", "--icebergCatalog=jdbc", "--icebergUri=jdbc:h2:mem:x",
            "--icebergTable=events"), LakePaths.of("/x"), PartitionBy.hour));
    assertTrue(badName.getMessage(), badName.getMessage().contains("namespace.name"));
  }

  private static int count(Iterable<Snapshot> snapshots) {
    int n = 0;
    for (Snapshot ignored : snapshots) {
      n++;
    }
    return n;
  }
}
