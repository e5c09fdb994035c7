package dev.ghlake;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ghlake.summary.RunSummary;
import dev.ghlake.table.BeamFileIO;
import dev.ghlake.table.Catalogs;
import dev.ghlake.table.EventTable;
import dev.ghlake.table.TablePlan;
import dev.ghlake.table.TableSync;
import dev.ghlake.testing.GlueServer;
import dev.ghlake.testing.IcebergRestServer;
import dev.ghlake.testing.SigV4;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.exceptions.ForbiddenException;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The Iceberg table in the AWS Glue Data Catalog (--icebergCatalog=glue), where Athena finds
 * Iceberg tables: Iceberg's own GlueCatalog and the SDK's Glue client, against Glue's protocol on
 * loopback ({@link GlueServer}: SigV4-signed AWS JSON 1.1, checked request by request, and
 * Glue's VersionId lock).
 */
public class GlueCatalogTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();
  private ThreeHourLake fixture;
  private GlueServer glue;

  @Before
  public void threeHoursAndAGlueCatalog() throws Exception {
    fixture = new ThreeHourLake(tmp);
    glue = new GlueServer();
  }

  @After
  public void stop() {
    glue.close();
  }

  /** The options of a run whose table is in the local Glue, in the server's region. */
  private String[] glueOptions(String table) {
    return new String[] {"--table=iceberg", "--icebergCatalog=glue", "--icebergUri=" + glue.endpoint(),
        "--icebergTable=" + table, "--awsRegion=" + GlueServer.REGION,
        "--icebergProperties=client.credentials-provider=" + GlueServer.Credentials.class.getName()};
  }

  private RunSummary run(String... extra) {
    return fixture.run(fixture.archive.toString(), "--from=2024-07-01T00", extra);
  }

  private TablePlan plan(String... extra) {
    return fixture.tablePlan(extra);
  }

  private static long rows(Table table) throws Exception {
    long n = 0;
    try (CloseableIterable<Record> rows = IcebergGenerics.read(table).build()) {
      for (Record r : rows) {
        assertTrue(r.getField("event_id") != null && r.getField("dt") != null);
        n++;
      }
    }
    return n;
  }

  private static int snapshots(Table table) {
    int n = 0;
    for (var s : table.snapshots()) {
      n++;
    }
    return n;
  }

  /**
   * A run and a re-run: two snapshots, each one Glue UpdateTable (CreateTable first) carrying the
   * VersionId it read; the Glue table is what Athena needs (table_type ICEBERG, the current
   * metadata file, the location) and reads back through Iceberg's GlueCatalog.
   */
  @Test
  public void aRunAndAReRunAreTwoSnapshotsInGlueAsAthenaFindsThem() throws Exception {
    String[] options = glueOptions("ghlake.events");
    RunSummary first = run(options);
    assertEquals(first.failures().toString(), RunSummary.Status.success, first.status());
    assertTrue(first.table(), first.table().contains("3 partition(s) replaced"));
    ObjectNode after1 = glue.table("ghlake", "events");
    RunSummary second = run(options);
    assertEquals(second.failures().toString(), RunSummary.Status.success, second.status());
    ObjectNode after2 = glue.table("ghlake", "events");

    JsonNode params = after2.path("Parameters");
    assertEquals("ICEBERG", params.path("table_type").asText().toUpperCase());
    String metadata = params.path("metadata_location").asText();
    assertTrue(metadata, Files.isRegularFile(Path.of(metadata.replaceFirst("^file:", ""))));
    assertEquals(after1.path("Parameters").path("metadata_location").asText(), params.path("previous_metadata_location").asText());
    assertNotEquals(after1.path("VersionId").asText(), after2.path("VersionId").asText());
    assertTrue(after2.path("StorageDescriptor").path("Location").asText().contains("_iceberg"));
    Set<String> columns = new TreeSet<>();
    after2.path("StorageDescriptor").path("Columns").forEach(c -> columns.add(c.path("Name").asText()));
    assertTrue(columns.toString(), columns.containsAll(Set.of("event_id", "type", "created_at", "dt", "hour")));
    assertTrue(glue.calls().toString(), glue.calls().containsAll(List.of("CreateDatabase", "CreateTable", "UpdateTable")));

    TablePlan plan = plan(options);
    Catalog catalog = Catalogs.open(plan);
    try {
      Table table = EventTable.createOrLoad(catalog, plan);
      assertEquals(2, snapshots(table));
      assertEquals(second.written(), rows(table));
    } finally {
      Catalogs.close(catalog);
    }
  }

  /**
   * Two clients commit other partitions of one table at the same moment, their UpdateTable calls
   * held until both arrive, so both carry the same VersionId: Glue takes one and refuses the other
   * (ConcurrentModificationException), and Iceberg's retry lands it on top. Both commits are in
   * the table; nothing is lost.
   */
  @Test
  public void twoCommitsAtOnceResolveThroughGluesVersionLock() throws Exception {
    RunSummary s = run(); // the lake without a table
    String[] options = glueOptions("race.events");
    TablePlan plan = plan(options);
    Catalog setup = Catalogs.open(plan);
    EventTable.createOrLoad(setup, plan); // the table first: the race is on its updates
    Catalogs.close(setup);
    glue.holdUpdates(2);
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService two = Executors.newFixedThreadPool(2);
    List<Future<TableSync.Outcome>> outcomes = new ArrayList<>();
    for (List<String> partitions : List.of(List.of("dt=2024-07-01/hour=00", "dt=2024-07-01/hour=01"),
        List.of("dt=2024-07-01/hour=02"))) {
      outcomes.add(two.submit(() -> {
        Catalog catalog = Catalogs.open(plan);
        try {
          Table table = EventTable.createOrLoad(catalog, plan);
          start.await(30, TimeUnit.SECONDS);
          return TableSync.sync(table, plan, partitions);
        } finally {
          Catalogs.close(catalog);
        }
      }));
    }
    for (Future<TableSync.Outcome> o : outcomes) {
      assertTrue(o.get(60, TimeUnit.SECONDS).snapshotId() != null);
    }
    two.shutdown();
    assertEquals(1, glue.conflicts());
    Catalog catalog = Catalogs.open(plan);
    try {
      Table table = catalog.loadTable(TableIdentifier.of("race", "events"));
      assertEquals(2, snapshots(table));
      assertEquals(s.written(), rows(table));
    } finally {
      Catalogs.close(catalog);
    }
  }

  /**
   * The Iceberg REST endpoints of Glue and S3 Tables take SigV4-signed requests only: with
   * Iceberg's {@code rest.sigv4-enabled} (its signer is in iceberg-aws) a run commits through a
   * REST catalog that checks every signature, and a client with the wrong secret is refused.
   */
  @Test
  public void aSignedRestCatalogAsGluesIcebergEndpointHoldsTheTable() throws Exception {
    Map<String, String> backendProps = Map.of(CatalogUtil.ICEBERG_CATALOG_TYPE, "jdbc",
        CatalogProperties.URI, "jdbc:h2:file:" + tmp.getRoot().toPath().resolve("rest-backend")
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;AUTO_SERVER=TRUE",
        CatalogProperties.WAREHOUSE_LOCATION, tmp.getRoot().toPath().resolve("warehouse").toString(),
        CatalogProperties.FILE_IO_IMPL, BeamFileIO.class.getName());
    Catalog backend = CatalogUtil.buildIcebergCatalog("backend", backendProps, null);
    SigV4 glueSigning = new SigV4(GlueServer.ACCESS_KEY, GlueServer.SECRET_KEY, GlueServer.REGION, "glue");
    try (IcebergRestServer server = new IcebergRestServer(backend, glueSigning)) {
      // the catalog's first request (its config) is refused
      TablePlan wrong = plan(signedRest(server, "not-the-secret"));
      ForbiddenException e = assertThrows(ForbiddenException.class, () -> Catalogs.open(wrong));
      assertTrue(e.getMessage(), e.getMessage().contains("signature"));
      RunSummary s = run(signedRest(server, GlueServer.SECRET_KEY));
      assertEquals(s.failures().toString(), RunSummary.Status.success, s.status());
      assertEquals(1, server.commits());
      assertEquals(s.written(), rows(backend.loadTable(TableIdentifier.of("ghlake", "events"))));
    } finally {
      Catalogs.close(backend);
    }
  }

  private String[] signedRest(IcebergRestServer server, String secret) {
    return new String[] {"--table=iceberg", "--icebergCatalog=rest", "--icebergUri=" + server.uri(),
        "--icebergWarehouse=" + tmp.getRoot().toPath().resolve("warehouse"),
        "--icebergProperties=rest.sigv4-enabled=true,rest.signing-name=glue,rest.signing-region=" + GlueServer.REGION
            + ",rest.access-key-id=" + GlueServer.ACCESS_KEY + ",rest.secret-access-key=" + secret};
  }
}
