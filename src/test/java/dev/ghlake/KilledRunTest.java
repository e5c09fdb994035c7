package dev.ghlake;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ghlake.cli.CommandLine;
import dev.ghlake.run.GhLakeOptions;
import dev.ghlake.source.synthetic.SyntheticPlan;
import dev.ghlake.summary.RunSummary;
import dev.ghlake.testing.DuckDb;
import dev.ghlake.testing.GhLakeProcess;
import dev.ghlake.testing.TestArchives;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A run killed while writing (kill -9: no chance to clean up) leaves files no manifest lists; the
 * next run of any window removes them, and the dead run's staging, before readers are misled.
 */
public class KilledRunTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  @Test(timeout = 300_000)
  public void theNextRunOfAnyWindowRemovesWhatAKilledRunWrote() throws Exception {
    Path archive = tmp.newFolder("archive").toPath();
    TestArchives.write(archive, new SyntheticPlan(72_000, 6, "2024-07-01T00"), 21);
    String lake = tmp.newFolder("lake").getPath();
    Path staging = tmp.newFolder("staging").toPath();
    // twenty files of 3,000 rows, written one after another: time to be killed between them
    String[] window = {"--input=" + archive, "--output=" + lake, "--latenessHours=0", "--targetRowsPerFile=3000",
        "--from=2024-07-01T00", "--to=2024-07-01T05", "--stagingLocation=" + staging, "--progressSeconds=0"};
    RunSummary first = GhLake.run(CommandLine.options(window));
    long committed = first.written();

    // the same window again, in its own JVM, killed once it has written a data file
    GhLakeProcess victim = GhLakeProcess.start(tmp.getRoot().toPath().resolve("victim.log"), List.of(), window);
    while (victim.isAlive() && foreignFiles(lake, first.runId()).isEmpty()) {
      Thread.sleep(20);
    }
    assertTrue("the run was killed while writing:\n" + victim.output(), victim.isAlive());
    victim.kill();
    List<Path> left = foreignFiles(lake, first.runId());
    assertFalse("a killed run leaves files no manifest lists", left.isEmpty());
    assertTrue("and its staging", Files.list(staging).findAny().isPresent());

    // the next run, of another window, cleans up before it does anything else
    RunSummary next = GhLake.run(CommandLine.options("--input=" + archive,
        "--output=" + lake, "--latenessHours=0", "--from=2024-07-01T05", "--to=2024-07-01T06",
        "--stagingLocation=" + staging, "--progressSeconds=0"));
    assertEquals(RunSummary.Status.success, next.status());
    List<String> listed = listedFiles(lake);
    long removed = left.stream().filter(f -> !Files.exists(f)).count();
    assertTrue("the dead run's uncommitted files were removed", removed > 0);
    for (Path f : left) { // what is left of it, it had committed before it died
      assertTrue(f + " is gone or a manifest lists it", !Files.exists(f) || listed.contains(f.toString()));
    }
    assertEquals(committed + next.written(),
        DuckDb.count("SELECT count(*) FROM read_parquet('" + lake + "/events/**/*.parquet')"));
    assertEquals(committed + next.written(), listedRows(lake));
    try (Stream<Path> runs = Files.list(staging)) {
      assertEquals("the dead run's staging is gone", List.of(), runs.toList());
    }
    assertFalse(Files.exists(Path.of(lake, "_pending")) && Files.list(Path.of(lake, "_pending")).findAny().isPresent());
  }

  /**
   * A run killed between a partition's commit point (its manifest) and the removal of the files
   * the manifest no longer lists leaves those old files behind: a glob reader counts every event
   * of them twice. The next run of another window removes them (issue 24: 1,138 duplicates).
   * Many small files to retire make the removal long enough for the kill to land in it.
   */
  @Test(timeout = 600_000)
  public void aRunKilledBetweenCommitStepsLeavesNoDuplicatesAfterTheNextRun() throws Exception {
    Path archive = tmp.newFolder("archive").toPath();
    TestArchives.write(archive, new SyntheticPlan(6_000, 2, "2024-07-01T00"), 21);
    String lake = tmp.newFolder("lake").getPath();
    String[] window = {"--input=" + archive, "--output=" + lake, "--latenessHours=0",
        "--from=2024-07-01T00", "--to=2024-07-01T01", "--progressSeconds=0"};
    String[] manyFiles = Arrays.copyOf(window, window.length + 1);
    manyFiles[window.length] = "--targetRowsPerFile=2";
    RunSummary first = GhLake.run(CommandLine.options(manyFiles));
    Path manifest = Path.of(lake, "events/dt=2024-07-01/hour=00/_manifest.json");
    // the victim writes a file or two and retires the first run's many: the removal is long
    GhLakeProcess victim = GhLakeProcess.start(tmp.getRoot().toPath().resolve("victim.log"), List.of(), window);
    while (victim.isAlive() && JSON.readTree(manifest.toFile()).get("run_id").asText().equals(first.runId())) {
      Thread.sleep(1);
    }
    victim.kill();
    long globbed = DuckDb.count("SELECT count(*) FROM read_parquet('" + lake + "/events/**/*.parquet')");
    assertTrue("the kill landed between the commit steps: " + globbed + " rows for "
        + listedRows(lake) + " listed\n" + victim.output(), globbed > listedRows(lake));

    RunSummary next = GhLake.run(CommandLine.options("--input=" + archive,
        "--output=" + lake, "--latenessHours=0", "--from=2024-07-01T01", "--to=2024-07-01T02",
        "--progressSeconds=0"));
    assertEquals(RunSummary.Status.success, next.status());
    assertEquals(listedRows(lake),
        DuckDb.count("SELECT count(*) FROM read_parquet('" + lake + "/events/**/*.parquet')"));
  }

  /** Data files not written by the run that committed the lake. */
  private static List<Path> foreignFiles(String lake, String committedRun) throws Exception {
    Path events = Path.of(lake, "events");
    try (Stream<Path> files = Files.walk(events)) {
      return files.filter(f -> f.toString().endsWith(".parquet") && !f.toString().contains(committedRun)).toList();
    }
  }

  private static List<String> listedFiles(String lake) throws Exception {
    List<String> out = new java.util.ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of(lake, "events"))) {
      for (Path m : files.filter(f -> f.getFileName().toString().equals("_manifest.json")).toList()) {
        JSON.readTree(m.toFile()).get("files").forEach(f -> out.add(m.resolveSibling(f.get("path").asText()).toString()));
      }
    }
    return out;
  }

  private static long listedRows(String lake) throws Exception {
    long rows = 0;
    try (Stream<Path> files = Files.walk(Path.of(lake, "events"))) {
      for (Path m : files.filter(f -> f.getFileName().toString().equals("_manifest.json")).toList()) {
        JsonNode manifest = JSON.readTree(m.toFile());
        for (JsonNode f : manifest.get("files")) {
          assertTrue(Files.exists(m.resolveSibling(f.get("path").asText())));
          rows += f.get("rows").asLong();
        }
      }
    }
    return rows;
  }
}
