package dev.ghlake;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.ghlake.cli.CommandLine;
import dev.ghlake.cli.ExitCode;
import dev.ghlake.run.GhLakeOptions;
import dev.ghlake.run.LakeRun;
import dev.ghlake.summary.RunSummary;
import dev.ghlake.testing.ArchiveFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * What a reader of the lake may rely on (issue 24): a run that fails changes nothing, and the
 * records ghlake keeps in the lake, when something else broke them, either stop a run with a
 * message that names the file and what to do, or (leases, pending marks) never block the lake.
 */
public class WholeLakeTest {
  private static final List<String> HOURS = List.of("00", "01", "02");

  @Rule public TemporaryFolder tmp = new TemporaryFolder();
  private ThreeHourLake fixture;
  private Path archive;
  private Path lake;

  @Before
  public void writeThreeHoursAndLoadThem() throws Exception {
    fixture = new ThreeHourLake(tmp);
    archive = fixture.archive;
    lake = fixture.lake;
    assertEquals(RunSummary.Status.success, run("--from=2024-07-01T00").status());
  }

  private RunSummary run(String from, String... extra) {
    return fixture.run(archive.toString(), from, extra);
  }

  private int exitCode(RunSummary s) {
    return fixture.exitCode(s);
  }

  private Path manifestPath(String hour) {
    return lake.resolve("events/dt=2024-07-01/hour=" + hour + "/_manifest.json");
  }

  private List<byte[]> manifests() throws Exception {
    List<byte[]> out = new ArrayList<>();
    for (String h : HOURS) {
      out.add(Files.readAllBytes(manifestPath(h)));
    }
    return out;
  }

  private void assertSameManifests(List<byte[]> before) throws Exception {
    List<byte[]> now = manifests();
    for (int i = 0; i < HOURS.size(); i++) {
      assertArrayEquals("hour " + HOURS.get(i) + " was replaced", before.get(i), now.get(i));
    }
  }

  private List<byte[]> lines(String file) throws Exception {
    try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(archive.resolve(file)))) {
      return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
          .map(l -> l.getBytes(StandardCharsets.UTF_8)).toList();
    }
  }

  @Test
  public void aRunThatFailsOnTooManyRejectedLinesCommitsNothing() throws Exception {
    List<byte[]> before = manifests();
    List<byte[]> hour1 = new ArrayList<>(lines("2024-07-01-1.json.gz"));
    IntStream.range(0, 100).forEach(i -> hour1.add(("not json " + i).getBytes(StandardCharsets.UTF_8)));
    ArchiveFiles.write(archive, "2024-07-01-1.json.gz", ArchiveFiles.gzip(hour1));

    RunSummary s = run("--from=2024-07-01T00");

    assertEquals(RunSummary.Status.failed, s.status());
    assertEquals(ExitCode.FAILED.code(), exitCode(s));
    assertTrue(s.failures().toString(), s.failures().stream().anyMatch(f -> f.startsWith(
        "rejected 100 of ") && f.endsWith("over --maxRejectedRatio=0.01: nothing was committed")));
    assertTrue(s.identityHolds());
    assertSameManifests(before);
    assertEquals(3, parquetFiles()); // the run's own files are gone again
  }

  private long parquetFiles() throws Exception {
    try (var files = Files.walk(lake.resolve("events"))) {
      return files.filter(f -> f.toString().endsWith(".parquet")).count();
    }
  }

  @Test
  public void typesThatExcludeThemselvesAreRefusedBeforeAnythingRuns() throws Exception {
    List<byte[]> before = manifests();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> run("--from=2024-07-01T00", "--types=PushEvent", "--excludeTypes=PushEvent"));
    assertTrue(e.getMessage(), e.getMessage().contains("--types and --excludeTypes both name PushEvent"));
    assertSameManifests(before);
  }

  @Test
  public void anUnreadableLayoutRecordFailsTheRunNamingIt() throws Exception {
    for (String broken : List.of("{}", "", "{\"partition_by\": \"week\"}", "not json")) {
      Files.writeString(lake.resolve("_lake.json"), broken);
      RunSummary s = run("--from=2024-07-01T00");
      assertEquals(broken, RunSummary.Status.failed, s.status());
      assertEquals(ExitCode.FAILED.code(), exitCode(s));
      String why = s.failures().get(0);
      assertTrue(why, why.startsWith("the lake's record " + lake + "/_lake.json is unreadable ("));
      assertTrue(why, why.endsWith("delete it and the next run writes it again from the lake's manifests"));
    }
    Files.delete(lake.resolve("_lake.json"));
    assertEquals(RunSummary.Status.success, run("--from=2024-07-01T00").status());
    assertTrue(Files.readString(lake.resolve("_lake.json")).contains("\"partition_by\" : \"hour\""));
  }

  @Test
  public void anUnreadableManifestOutsideTheWindowFailsTheRunNamingIt() throws Exception {
    Files.writeString(manifestPath("00"), "{\"partition\": \"dt=2024-07-01/hour=00\", \"fil");
    List<byte[]> before = manifests();

    RunSummary s = run("--from=2024-07-01T01");

    assertEquals(RunSummary.Status.failed, s.status());
    String why = String.join("\n", s.failures());
    assertTrue(why, why.contains("the lake's record " + manifestPath("00") + " is unreadable (not JSON"));
    assertTrue(why, why.contains("restore it (S3 versioning, a backup), or delete the partition's "
        + "folder and load its window again"));
    assertSameManifests(before);
  }

  @Test
  public void aBrokenLeaseDoesNotBlockTheLake() throws Exception {
    Path leases = lake.resolve("_leases/dt=2024-07-01");
    Files.writeString(leases.resolve("0000000090.json"), "{}");
    RunSummary s = run("--from=2024-07-01T00");
    assertEquals(s.failures().toString(), RunSummary.Status.success, s.status());

    Files.writeString(leases.resolve("0000000095.json"), "{\"run_id\": \"x\", \"expires_at\": \"soon\"}");
    assertEquals(RunSummary.Status.success, run("--from=2024-07-01T00").status());
  }

  @Test
  public void aBrokenPendingMarkDoesNotBlockTheLakeAndDeletesNothing() throws Exception {
    Path marks = lake.resolve("_pending/20240101T000000Z-dead");
    Files.createDirectories(marks);
    Files.writeString(marks.resolve("run.json"), "{\"run_id\": ");
    Files.writeString(marks.resolve("part-1.json"), "{}");
    long files = parquetFiles();

    RunSummary s = run("--from=2024-07-01T00");

    assertEquals(s.failures().toString(), RunSummary.Status.success, s.status());
    assertFalse(Files.exists(marks.resolve("part-1.json")));
    assertEquals(files, parquetFiles());
  }

  /**
   * A partition whose manifest was lost (by hand, a sync tool, a lifecycle rule) keeps its files
   * when a run cannot vouch for a new version: the commit removes only files the lake's manifest
   * listed, and names any other it finds. Issue 24: 5,000 rows deleted, exit 0.
   */
  @Test
  public void aCommitRemovesOnlyFilesTheLakesManifestListed() throws Exception {
    Path hour1 = manifestPath("01").getParent();
    List<Path> before;
    try (var files = Files.list(hour1)) {
      before = files.filter(f -> f.toString().endsWith(".parquet")).toList();
    }
    assertTrue(parquetRows(hour1) > 0);
    Files.delete(manifestPath("01"));
    Files.delete(archive.resolve("2024-07-01-1.json.gz"));

    RunSummary s = run("--from=2024-07-01T00");

    assertEquals(RunSummary.Status.incomplete, s.status());
    for (Path f : before) { // the run itself may add a file of late events beside them
      assertTrue("the files no manifest lists are still there: " + f, Files.exists(f));
    }
    String warned = String.join("\n", s.warnings());
    assertTrue(warned, warned.contains("data file(s) no manifest lists were left in"));
    assertTrue(warned, warned.contains(hour1.getFileName().toString()));
  }

  /** Issue 24: twenty years of absent input ran out of heap after 107 s, leaving 7,305 leases. */
  @Test
  public void aRunRefusesWindowsAndMarginsBeyondItsBounds() throws Exception {
    GhLakeOptions twentyYears = CommandLine.options("--input=" + archive,
        "--output=" + lake, "--from=2005-01-01", "--to=2025-01-01", "--progressSeconds=0");
    PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new LakeRun(twentyYears, out, out).execute());
    assertTrue(e.getMessage(), e.getMessage().contains("a window of 7305 days")
        && e.getMessage().contains("ghlake backfill --from=2005-01-01 --to=2025-01-01"));
    try (var leases = Files.walk(lake)) {
      assertEquals("no lease was taken (the load before it leased 2024-07-01)", List.of(), leases
          .filter(p -> p.toString().contains("_leases") && !p.toString().contains("dt=2024-07-01")
              && Files.isRegularFile(p)).toList());
    }
    GhLakeOptions hugeMargin = CommandLine.options("--input=" + archive,
        "--output=" + lake, "--from=2024-07-01T00", "--to=2024-07-01T03", "--latenessHours=100000",
        "--progressSeconds=0");
    e = assertThrows(IllegalArgumentException.class,
        () -> new LakeRun(hugeMargin, out, out).execute());
    assertTrue(e.getMessage(), e.getMessage().startsWith("--latenessHours must be 0 to 48 (got 100000)"));
  }

  private static long parquetRows(Path folder) throws Exception {
    return dev.ghlake.testing.DuckDb.count("SELECT count(*) FROM read_parquet('" + folder + "/*.parquet')");
  }
}
