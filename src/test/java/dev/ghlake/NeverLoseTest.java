package dev.ghlake;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.ghlake.cli.CommandLine;
import dev.ghlake.run.GhLakeOptions;
import dev.ghlake.run.LakeRun;
import dev.ghlake.source.synthetic.SyntheticPlan;
import dev.ghlake.summary.RunSummary;
import dev.ghlake.testing.ArchiveFiles;
import dev.ghlake.testing.DuckDb;
import dev.ghlake.testing.TestArchives;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A load never destroys data it cannot vouch for: missing, empty and broken hours keep the
 * partition's version, bad values stop a run before anything is written, a failed run takes its
 * files with it, and a second layout is refused.
 */
public class NeverLoseTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();
  private Path archive;
  private String lake;
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();

  @Before
  public void writeTwoDays() throws Exception {
    archive = tmp.newFolder("archive").toPath();
    TestArchives.write(archive, new SyntheticPlan(9_600, 48, "2024-07-01T00"), 11);
    lake = tmp.newFolder("lake").getPath();
  }

  private RunSummary run(String input, String... extra) {
    List<String> args = new ArrayList<>(List.of("--input=" + input, "--output=" + lake,
        "--latenessHours=0", "--progressSeconds=0"));
    args.addAll(List.of(extra));
    GhLakeOptions options = CommandLine.options(args.toArray(new String[0]));
    PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
    return new LakeRun(options, out, out).execute();
  }

  private Map<String, byte[]> manifests(String day) throws Exception {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(Path.of(lake, "events", "dt=" + day))) {
      for (Path f : files.filter(f -> f.getFileName().toString().equals("_manifest.json")).toList()) {
        out.put(f.getParent().getFileName().toString(), Files.readAllBytes(f));
      }
    }
    return out;
  }

  /** Rows a glob reader sees under {@code dt=<folders>}. */
  private long rows(String folders) throws Exception {
    return DuckDb.count("SELECT count(*) FROM read_parquet('" + lake + "/events/dt=" + folders + "/**/*.parquet')");
  }

  private Path mirrorWithout(String prefix) throws Exception {
    Path mirror = tmp.newFolder().toPath();
    try (Stream<Path> files = Files.list(archive)) {
      for (Path f : files.filter(f -> !f.getFileName().toString().startsWith(prefix)).toList()) {
        Files.copy(f, mirror.resolve(f.getFileName()));
      }
    }
    return mirror;
  }

  @Test
  public void aMissingDayKeepsEveryPartitionItHeldAndFailOnMissingFailsBeforeAnyCommit() throws Exception {
    assertEquals(RunSummary.Status.success, run(archive.toString(), "--from=2024-07-01", "--to=2024-07-03").status());
    Map<String, byte[]> before = manifests("2024-07-02");
    long rowsBefore = rows("2024-07-02");
    assertEquals(24, before.size());
    assertTrue(rowsBefore > 4_000);
    Path mirror = mirrorWithout("2024-07-02-");

    RunSummary s = run(mirror.toString(), "--from=2024-07-02", "--to=2024-07-03");
    assertEquals(RunSummary.Status.incomplete, s.status());
    assertEquals(24, s.missingHours().size());
    assertEquals(24, s.kept().size());
    assertTrue(s.kept().get(0), s.kept().get(0).equals("dt=2024-07-02/hour=00: 2024-07-02-0.json.gz is missing"));
    assertEquals(List.of(), s.partitions());
    assertEquals(rowsBefore, rows("2024-07-02"));
    assertManifestsEqual(before, manifests("2024-07-02"));
    String said = console.toString(StandardCharsets.UTF_8);
    assertTrue(said, said.contains("KEPT        dt=2024-07-02/hour=13: 2024-07-02-13.json.gz is missing"));
    assertTrue(said, said.contains("Partitions kept as the lake had them:"));

    RunSummary strict = run(mirror.toString(), "--from=2024-07-02", "--to=2024-07-03", "--failOnMissing=true");
    assertEquals(RunSummary.Status.failed, strict.status());
    assertTrue(strict.failures().toString(), strict.failures().get(0)
        .contains("24 archive hour(s) of the window missing"));
    assertTrue(strict.failures().get(0).contains("nothing was read or committed"));
    assertEquals(rowsBefore, rows("2024-07-02"));
    assertManifestsEqual(before, manifests("2024-07-02"));
  }

  @Test
  public void anEmptyHourFileKeepsItsPartition() throws Exception {
    run(archive.toString(), "--from=2024-07-01T00", "--to=2024-07-01T03");
    Map<String, byte[]> before = manifests("2024-07-01");
    long rowsBefore = rows("2024-07-01/hour=0[12]");
    Files.write(archive.resolve("2024-07-01-1.json.gz"), new byte[0]);
    ArchiveFiles.write(archive, "2024-07-01-2.json.gz", ArchiveFiles.gzip(List.of(new byte[0], " ".getBytes())));

    RunSummary s = run(archive.toString(), "--from=2024-07-01T00", "--to=2024-07-01T03");
    assertEquals(RunSummary.Status.incomplete, s.status());
    assertEquals(List.of("dt=2024-07-01/hour=01: 2024-07-01-1.json.gz is empty (0 bytes)",
        "dt=2024-07-01/hour=02: 2024-07-01-2.json.gz is empty (no events in it)"), s.kept());
    assertEquals(List.of("dt=2024-07-01/hour=00"), s.partitions()); // its own hour is whole
    assertEquals(rowsBefore, rows("2024-07-01/hour=0[12]"));
    assertArrayEquals(before.get("hour=01"), manifests("2024-07-01").get("hour=01"));
    assertArrayEquals(before.get("hour=02"), manifests("2024-07-01").get("hour=02"));
    assertTrue(s.identityHolds());
  }

  @Test
  public void aFailedRunRemovesTheFilesItWroteAndSaysWhatFailed() throws Exception {
    run(archive.toString(), "--from=2024-07-01T00", "--to=2024-07-01T02");
    Map<String, byte[]> before = manifests("2024-07-01");
    long rowsBefore = rows("2024-07-01");
    Files.createDirectories(Path.of(lake, "events", "dt=2024-07-01"));
    Files.writeString(Path.of(lake, "events", "dt=2024-07-01", "hour=02"), "not a folder");

    RunSummary s = run(archive.toString(), "--from=2024-07-01T00", "--to=2024-07-01T03");
    assertEquals(RunSummary.Status.failed, s.status());
    assertTrue(s.failures().toString(), s.failures().get(0).startsWith("the pipeline failed (lake at " + lake + "): "));
    assertTrue(s.failures().toString(), s.failures().get(0).contains("hour=02"));
    assertFalse("no accounting claim for a run without a ledger",
        s.failures().toString().contains("DOES NOT add up") || s.failures().toString().contains("no ledger"));
    assertTrue("it says how far it got: " + s.read(), s.read() > 0);
    assertEquals("nothing of the failed run stays in the lake", rowsBefore, rows("2024-07-01"));
    assertManifestsEqual(before, manifests("2024-07-01"));
    try (Stream<Path> files = Files.walk(Path.of(lake, "events"))) {
      assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith("-" + s.runId() + ".parquet")));
    }
    assertFalse(Files.exists(Path.of(lake, "_pending", s.runId())));
  }

  /**
   * The DirectRunner does not wait for running bundles when a pipeline fails: a file still being
   * built when another partition failed used to land after the run had tidied up, listed by no
   * manifest and named by no mark, so glob readers counted its rows twice for good.
   */
  @Test
  public void aFailedRunWaitsForTheFilesItsWorkersAreStillWriting() throws Exception {
    Path big = tmp.newFolder("big").toPath();
    TestArchives.write(big, new SyntheticPlan(240_000, 2, "2024-07-03T00"), 11);
    Files.createDirectories(Path.of(lake, "events", "dt=2024-07-03"));
    Files.writeString(Path.of(lake, "events", "dt=2024-07-03", "hour=01"), "not a folder");

    RunSummary s = run(big.toString(), "--from=2024-07-03T00", "--to=2024-07-03T02");
    assertEquals(RunSummary.Status.failed, s.status());
    assertTrue(s.failures().toString(), s.failures().get(0).contains("hour=01"));
    try (Stream<Path> files = Files.walk(Path.of(lake, "events"))) {
      List<Path> left = files.filter(f -> f.getFileName().toString().endsWith(".parquet")).toList();
      assertEquals("no file of the failed run appears after it ended", List.of(), left);
    }
    assertFalse(Files.exists(Path.of(lake, "_pending", s.runId())));
  }

  @Test
  public void aSecondLayoutIsRefusedSayingHowToMigrate() throws Exception {
    run(archive.toString(), "--from=2024-07-01", "--to=2024-07-02");
    String refused = assertThrows(IllegalArgumentException.class,
        () -> run(archive.toString(), "--from=2024-07-01", "--to=2024-07-02", "--partitionBy=day")).getMessage();
    assertTrue(refused, refused.contains("is partitioned by hour (recorded in " + lake + "/_lake.json)"));
    assertTrue(refused, refused.contains("write day partitions to a new --output"));
    assertFalse(Files.exists(Path.of(lake, "events", "dt=2024-07-01", "_manifest.json")));

    Files.delete(Path.of(lake, "_lake.json")); // a lake from before the record: known by its manifests
    String legacy = assertThrows(IllegalArgumentException.class,
        () -> run(archive.toString(), "--from=2024-07-01", "--to=2024-07-02", "--partitionBy=day")).getMessage();
    assertTrue(legacy, legacy.contains("is partitioned by hour (as its manifests show)"));
  }

  @Test
  public void badValuesFailBeforeAnythingIsWrittenNamingTheOption() throws Exception {
    String[][] cases = {
        {"--types=PushEvents", "--types=PushEvents is no event type GH Archive has carried (did you mean PushEvent?)"},
        {"--repos=[", "--repos=[ can match no repository"},
        {"--maxRejectedRatio=-0.5", "--maxRejectedRatio=-0.5 is out of range"},
        {"--maxRejectedRatio=5", "--maxRejectedRatio=5.0 is out of range"},
        {"--completenessThreshold=-2", "--completenessThreshold=-2.0 is out of range"},
        {"--typeShiftThreshold=7", "--typeShiftThreshold=7.0 is out of range"},
        {"--slackWebhook=env:GHLAKE_TEST_UNSET_WEBHOOK", "the environment variable GHLAKE_TEST_UNSET_WEBHOOK is not set"},
    };
    for (String[] c : cases) {
      String message = assertThrows(c[0], IllegalArgumentException.class,
          () -> run(archive.toString(), "--from=2024-07-01T00", c[0])).getMessage();
      assertTrue(message, message.contains(c[1]));
    }
    String codec = assertThrows(IllegalArgumentException.class,
        () -> CommandLine.options("--output=" + lake, "--compression=lz4")).getMessage();
    assertEquals("--compression=lz4 is not one of: zstd, snappy, gzip, uncompressed", codec);
    try (Stream<Path> written = Files.list(Path.of(lake))) {
      assertEquals("nothing was written to the lake", List.of(), written.toList());
    }
  }

  private static void assertManifestsEqual(Map<String, byte[]> expected, Map<String, byte[]> actual) {
    assertEquals(expected.keySet(), actual.keySet());
    expected.forEach((k, v) -> assertArrayEquals(k, v, actual.get(k)));
  }
}
