package dev.ghlake.backfill;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ghlake.GhLake;
import dev.ghlake.cli.CommandLine;
import dev.ghlake.model.LakePaths;
import dev.ghlake.model.PartitionBy;
import dev.ghlake.run.GhLakeOptions;
import dev.ghlake.source.synthetic.SyntheticPlan;
import dev.ghlake.summary.BatchSummary;
import dev.ghlake.summary.BatchSummary.UnitStatus;
import dev.ghlake.summary.RunSummary;
import dev.ghlake.table.Catalogs;
import dev.ghlake.table.EventTable;
import dev.ghlake.table.TablePlan;
import dev.ghlake.testing.GhLakeProcess;
import dev.ghlake.testing.LakeBytes;
import dev.ghlake.testing.SlackServer;
import dev.ghlake.testing.TestArchives;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code ghlake backfill} on the DirectRunner over a synthetic archive of three days: a unit at a
 * time, the lake equal to one run's, one Slack message, complete units skipped, a killed backfill
 * resumed, a failed unit reported without stopping the others (unless --failFast).
 */
public class BackfillTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @Rule public TemporaryFolder tmp = new TemporaryFolder();
  /** The archive and one run's lake of it, made once for the tests that only read them. */
  @ClassRule public static TemporaryFolder shared = new TemporaryFolder();
  private static Path threeDays;
  private static OneRun madeOneRun;
  private static SlackServer slack;

  @BeforeClass
  public static void startSlack() throws Exception {
    slack = new SlackServer();
  }

  @AfterClass
  public static void stopSlack() {
    slack.close();
  }

  @Test(timeout = 600_000)
  public void eachDayIsLoadedOnceReportedOnceAndTheLakeEqualsOneRunsLake() throws Exception {
    Path archive = archive();
    String lake = tmp.newFolder("lake").getPath();
    Path webhook = tmp.getRoot().toPath().resolve("webhook");
    Files.writeString(webhook, slack.webhook("backfill"));
    Path summaryFile = tmp.getRoot().toPath().resolve("summary.json");
    int before = slack.payloads().size();

    // with the lake's Iceberg table (its metadata outside the lake, which is compared below)
    String[] table = {"--table=iceberg", "--icebergCatalog=jdbc", "--icebergUri=jdbc:h2:file:"
        + tmp.getRoot().toPath().resolve("catalog") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
        "--icebergWarehouse=" + tmp.getRoot().toPath().resolve("warehouse")};
    BatchSummary b = backfill(args(archive, lake, Stream.concat(Stream.of("--slackWebhook=file:" + webhook,
        "--summaryFile=" + summaryFile), Stream.of(table)).toArray(String[]::new)));
    assertEquals(b.toJson(), RunSummary.Status.success, b.status());
    assertEquals(3, b.count(UnitStatus.success));
    assertEquals("one run per day on the DirectRunner", 3, b.runs().size());
    assertTrue(b.identityHolds());
    assertEquals(72, b.partitions());
    assertEquals("one message for the backfill", before + 1, slack.payloads().size());
    assertTrue(slack.payloads().get(before), slack.payloads().get(before).contains("ghlake backfill succeeded"));
    JsonNode summary = JSON.readTree(summaryFile.toFile());
    assertEquals(3, summary.get("windows").size());
    assertEquals("2024-07-02T00 .. 2024-07-03T00", summary.at("/windows/1/window").asText());
    assertEquals(b.written(), summary.get("written").asLong());

    // each day's run committed its partitions as one snapshot of the table
    List<String> tableOptions = new ArrayList<>(List.of("--output=" + lake));
    tableOptions.addAll(List.of(table));
    GhLakeOptions o = CommandLine.options(tableOptions.toArray(new String[0]));
    TablePlan plan = TablePlan.of(o, LakePaths.of(lake), PartitionBy.hour);
    Catalog catalog = Catalogs.open(plan);
    try {
      Table events = EventTable.createOrLoad(catalog, plan);
      int snapshots = 0;
      for (var ignored : events.snapshots()) {
        snapshots++;
      }
      assertEquals(3, snapshots);
      assertEquals(Long.toString(b.written()), events.currentSnapshot().summary().get("total-records"));
      assertEquals(Integer.toString(LakeBytes.dataFiles(lake).size()), events.currentSnapshot().summary().get("total-data-files"));
    } finally {
      Catalogs.close(catalog);
    }

    OneRun reference = oneRun();
    assertEquals(reference.written(), b.written());
    LakeBytes.assertSameLake(lake, reference.lake());

    Map<String, byte[]> files = LakeBytes.dataFiles(lake);
    BatchSummary again = backfill(args(archive, lake, "--slackWebhook=file:" + webhook));
    assertEquals(3, again.count(UnitStatus.complete));
    assertEquals(0, again.runs().size());
    assertEquals(RunSummary.Status.success, again.status());
    assertEquals("nothing ran, nothing to tell", before + 1, slack.payloads().size());
    assertEquals(files.keySet(), LakeBytes.dataFiles(lake).keySet());

    BatchSummary forced = backfill(args(archive, lake, "--force", "--unit=month"));
    assertEquals(1, forced.units().size());
    assertEquals(UnitStatus.success, forced.units().get(0).status());
    LakeBytes.assertSameLake(lake, reference.lake());
  }

  @Test(timeout = 600_000)
  public void aKilledBackfillCarriesOnWhereItStoppedAndEndsWithTheSameLake() throws Exception {
    Path archive = archive();
    // one run over the range gives the uninterrupted backfill's lake (the test above), in one
    // pipeline instead of three
    String reference = oneRun().lake();

    String lake = tmp.newFolder("lake").getPath();
    GhLakeProcess victim = GhLakeProcess.startMain(Backfill.class.getName(),
        tmp.getRoot().toPath().resolve("victim.log"), List.of("-Xmx1g"), Map.of(), args(archive, lake));
    Path firstDay = Path.of(lake, "events", "dt=2024-07-01");
    while (victim.isAlive() && manifests(firstDay) < 24) {
      Thread.sleep(20);
    }
    assertTrue("killed after its first day, before its last:\n" + victim.output(), victim.isAlive());
    victim.kill();

    BatchSummary resumed = backfill(args(archive, lake));
    assertEquals(resumed.toJson(), RunSummary.Status.success, resumed.status());
    assertTrue("the first day is not loaded again", resumed.count(UnitStatus.complete) >= 1);
    assertEquals(3, resumed.count(UnitStatus.complete) + resumed.count(UnitStatus.success));
    LakeBytes.assertSameLake(lake, reference);
    try (Stream<Path> pending = Files.walk(Path.of(lake))) {
      assertTrue("nothing uncommitted is left", pending.noneMatch(p -> p.toString().contains("_pending/2")));
    }
  }

  @Test(timeout = 600_000)
  public void aFailedDayDoesNotStopTheOthersUnlessFailFast() throws Exception {
    Path archive = tmp.newFolder("archive").toPath();
    try (Stream<Path> hours = Files.list(archive())) {
      for (Path hour : hours.toList()) {
        Files.copy(hour, archive.resolve(hour.getFileName()));
      }
    }
    garbage(archive.resolve("2024-07-02-5.json.gz"));

    BatchSummary b = backfill(args(archive, tmp.newFolder("lake").getPath()));
    assertEquals(RunSummary.Status.failed, b.status());
    List<UnitStatus> statuses = b.units().stream().map(BatchSummary.Unit::status).toList();
    assertEquals(List.of(UnitStatus.success, UnitStatus.failed, UnitStatus.success), statuses);
    assertTrue(b.units().get(1).note(), b.units().get(1).note().contains("maxRejectedRatio"));

    BatchSummary fast = backfill(args(archive, tmp.newFolder("fast").getPath(), "--failFast"));
    assertEquals(List.of(UnitStatus.success, UnitStatus.failed, UnitStatus.not_run),
        fast.units().stream().map(BatchSummary.Unit::status).toList());
    assertTrue(fast.units().get(2).note().contains("--failFast"));
  }

  @Test
  public void badOptionsAreRefusedBeforeAnythingRuns() throws Exception {
    String lake = tmp.newFolder("lake").getPath();
    assertTrue(refused("--output=" + lake, "--from=2024-07-01").contains("--from and --to"));
    assertTrue(refused("--output=" + lake, "--from=2024-07-01", "--to=2024-07-02", "--unit=week")
        .contains("hour, day, month"));
    assertTrue(refused("--output=" + lake, "--from=2024-07-01", "--to=2024-07-02", "--unitsPerJob=0")
        .contains("--unitsPerJob"));
    assertTrue(refused("--output=" + lake, "--from=2024-07-01", "--to=2024-07-02", "--unit=hour",
        "--partitionBy=day").contains("day"));
    try (Stream<Path> files = Files.list(Path.of(lake))) {
      assertEquals("nothing was written", 0, files.count());
    }
  }

  private static String refused(String... args) {
    return assertThrows(IllegalArgumentException.class, () -> backfill(args)).getMessage();
  }

  /** A lake whose records cannot be read is a failed backfill, reported (exit 1), not bad options (issue 25). */
  @Test
  public void aLakeThatCannotBeReadIsAFailedBackfillNotBadOptions() throws Exception {
    Path lake = tmp.newFolder("unreadable").toPath();
    Path manifest = lake.resolve("events/dt=2024-07-01/hour=03/_manifest.json");
    Files.createDirectories(manifest.getParent());
    Files.writeString(manifest, "not json");
    GhLakeOptions options = CommandLine.options(List.of(BackfillOptions.class), "--input=" + tmp.newFolder("none"),
        "--output=" + lake, "--from=2024-07-01", "--to=2024-07-02", "--progressSeconds=0");
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    BatchSummary b = new Backfill(options, quiet, quiet).run();
    assertEquals(RunSummary.Status.failed, b.status());
    assertTrue(b.failures().toString(), b.failures().toString().contains(manifest.toString()));
    assertEquals(1, CommandLine.exitCode(b.status(), b.notifyError(),
        CommandLine.options(List.of(BackfillOptions.class), "--output=" + lake)));
  }

  private static BatchSummary backfill(String... args) {
    GhLakeOptions options = CommandLine.options(List.of(BackfillOptions.class), args);
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    BatchSummary b = new Backfill(options, quiet, new PrintStream(err, true)).run();
    String progress = err.toString(StandardCharsets.UTF_8);
    assertTrue(progress, b.runs().isEmpty() || progress.contains("ETA"));
    return b;
  }

  private String[] args(Path archive, String lake, String... more) {
    return Stream.concat(Stream.of("--input=" + archive, "--output=" + lake, "--from=2024-07-01",
        "--to=2024-07-04", "--latenessHours=2", "--progressSeconds=0",
        "--stagingLocation=" + tmp.getRoot() + "/staging"), Stream.of(more)).toArray(String[]::new);
  }

  /** Three days of synthetic hours, 500 events each, written once: tests read it, never change it. */
  private static synchronized Path archive() throws Exception {
    if (threeDays == null) {
      Path written = shared.newFolder("archive").toPath();
      TestArchives.write(written, new SyntheticPlan(36_000, 72, "2024-07-01T00"), 5);
      threeDays = written;
    }
    return threeDays;
  }

  /** One run over the three days: the lake an uninterrupted backfill equals, and its rows. */
  private record OneRun(String lake, long written) {}

  /** The one run, made once. */
  private static synchronized OneRun oneRun() throws Exception {
    if (madeOneRun == null) {
      String lake = shared.newFolder("one-run").getPath();
      RunSummary run = GhLake.run(CommandLine.options("--input=" + archive(), "--output=" + lake,
          "--from=2024-07-01", "--to=2024-07-04", "--latenessHours=2", "--progressSeconds=0"));
      assertEquals(RunSummary.Status.success, run.status());
      madeOneRun = new OneRun(lake, run.written());
    }
    return madeOneRun;
  }

  private static void garbage(Path file) throws Exception {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      for (int i = 0; i < 500; i++) {
        out.write(("not json " + i + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  private static long manifests(Path day) throws Exception {
    if (!Files.isDirectory(day)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(day)) {
      return files.filter(f -> f.getFileName().toString().equals("_manifest.json")).count();
    } catch (UncheckedIOException e) { // a manifest's temporary file renamed while it was walked: look again
      return 0;
    }
  }
}
