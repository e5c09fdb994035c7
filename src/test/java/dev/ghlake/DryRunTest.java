package dev.ghlake;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import dev.ghlake.backfill.Backfill;
import dev.ghlake.backfill.BackfillOptions;
import dev.ghlake.cli.CommandLine;
import dev.ghlake.run.GhLakeOptions;
import dev.ghlake.source.synthetic.SyntheticPlan;
import dev.ghlake.summary.BatchSummary;
import dev.ghlake.summary.RunSummary;
import dev.ghlake.testing.TestArchives;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code --dryRun} for every source and for a backfill (issue 25, defect 1: it was read for
 * BigQuery only, and any other source ran a real load): the plan is printed (what would be read,
 * written, replaced and kept) and nothing is written, not even a start record or staging.
 */
public class DryRunTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();
  private Path archive;
  private Path lake;
  private Path staging;

  /** A lake of hours 00 and 01 loaded whole; then hour 01's archive file goes missing. */
  @Before
  public void loadTwoHoursThenLoseOneFile() throws Exception {
    archive = tmp.newFolder("archive").toPath();
    TestArchives.write(archive, new SyntheticPlan(3_000, 3, "2024-07-01T00"), 7);
    lake = tmp.newFolder("lake").toPath();
    staging = tmp.getRoot().toPath().resolve("staging");
    RunSummary loaded = GhLake.run(CommandLine.options("--input=" + archive, "--output=" + lake,
        "--from=2024-07-01T00", "--to=2024-07-01T02", "--partitionBy=hour", "--latenessHours=0",
        "--progressSeconds=0", "--stagingLocation=" + staging));
    assertEquals(loaded.toJson(), RunSummary.Status.success, loaded.status());
    Files.delete(archive.resolve("2024-07-01-1.json.gz"));
  }

  @Test
  public void anArchiveRunPrintsWhatItWouldReadReplaceWriteAndKeepAndWritesNothing() throws Exception {
    Map<String, Long> before = tree(lake);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int exit = GhLake.execute(new String[] {"--input=" + archive, "--output=" + lake,
        "--from=2024-07-01T00", "--to=2024-07-01T03", "--partitionBy=hour", "--latenessHours=0",
        "--progressSeconds=0", "--stagingLocation=" + staging + "2", "--dryRun", "--table=iceberg",
        "--icebergCatalog=glue", "--awsRegion=eu-west-1"},
        print(out), print(OutputStream.nullOutputStream()));
    String printed = out.toString(StandardCharsets.UTF_8);

    assertEquals(printed, 0, exit);
    assertEquals("the lake is as it was: no start record, no files, no ledger", before, tree(lake));
    assertFalse("no staging folder", Files.exists(Path.of(staging + "2")));
    assertTrue(printed, printed.contains("table       Iceberg table ghlake.events (glue catalog): the "
        + "partitions replaced above, one snapshot (the catalog is not asked)"));
    assertTrue(printed, printed.contains("read        2 archive file(s)"));
    assertTrue(printed, printed.contains(archive.resolve("2024-07-01-0.json.gz").toString()));
    assertTrue(printed, printed.contains("missing     1 archive hour(s)"));
    assertTrue(printed, printed.contains("partitions  3: 1 written new, 1 replaced, 1 kept as the lake has them"));
    assertTrue(printed, line(printed, "dt=2024-07-01/hour=00").matches(".* replace  lake: [0-9,]+ rows, complete, run .*"));
    assertTrue(printed, line(printed, "dt=2024-07-01/hour=01").matches(".* keep     lake: [0-9,]+ rows, complete, run .*"));
    assertTrue(printed, line(printed, "dt=2024-07-01/hour=01").contains(
        "the archive file of hour 2024-07-01T01 is missing"));
    assertTrue(printed, line(printed, "dt=2024-07-01/hour=02").contains("write    lake: nothing"));
  }

  @Test
  public void aSyntheticRunSaysItsShardsAndWritesNothing() throws Exception {
    Path empty = tmp.newFolder("empty").toPath();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int exit = GhLake.execute(new String[] {"--source=synthetic", "--syntheticEvents=60000",
        "--syntheticHours=2", "--output=" + empty, "--dryRun"}, print(out), print(OutputStream.nullOutputStream()));
    String printed = out.toString(StandardCharsets.UTF_8);
    assertEquals(printed, 0, exit);
    assertTrue(printed, printed.contains("read        4 shard(s) of synthetic events"));
    assertTrue(printed, printed.contains("25,000 events"));
    assertEquals(Map.of(), tree(empty));
  }

  @Test
  public void aBackfillPrintsItsUnitsAndRunsNone() throws Exception {
    Map<String, Long> before = tree(lake);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    GhLakeOptions options = CommandLine.options(List.of(BackfillOptions.class), "--input=" + archive,
        "--output=" + lake, "--from=2024-07-01T00", "--to=2024-07-01T03", "--unit=hour",
        "--partitionBy=hour", "--latenessHours=0", "--progressSeconds=0",
        "--stagingLocation=" + staging + "3", "--dryRun");
    BatchSummary b = new Backfill(options, print(out), print(OutputStream.nullOutputStream())).run();
    String printed = out.toString(StandardCharsets.UTF_8);

    assertEquals("nothing ran", List.of(), b.runs());
    assertEquals(before, tree(lake));
    assertFalse(Files.exists(Path.of(staging + "3")));
    assertTrue(printed, printed.contains("keep        2 unit(s) the lake holds complete"));
    assertTrue(printed, printed.contains("run         1 unit(s) in 1 job(s)"));
    assertTrue(printed, printed.contains("job 1  2024-07-01T02 .. 2024-07-01T03  1 partition(s): 1 written or replaced"));
  }

  @Test
  public void aCommandThatCannotDryRunRefusesRatherThanLoads() throws Exception {
    Map<String, Long> before = tree(lake);
    int exit = GhLake.execute(new String[] {"--input=" + archive, "--output=" + lake, "--dryRun",
        "--from=2024-07-01T09"}, print(OutputStream.nullOutputStream()), print(OutputStream.nullOutputStream()));
    assertEquals(0, exit);
    try {
      GhLake.run(CommandLine.options("--input=" + archive, "--output=" + lake, "--dryRun"));
      throw new AssertionError("a load under --dryRun");
    } catch (IllegalArgumentException expected) {
      assertTrue(expected.getMessage(), expected.getMessage().contains("--dryRun"));
    }
    assertEquals(before, tree(lake));
  }

  private static String line(String printed, String partition) {
    return printed.lines().filter(l -> l.strip().startsWith(partition)).findFirst().orElse("(no line for " + partition + ")");
  }

  private static PrintStream print(OutputStream out) {
    return new PrintStream(out, true, StandardCharsets.UTF_8);
  }

  /** Every file under the folder with its size and modification time. */
  private static Map<String, Long> tree(Path root) throws IOException {
    Map<String, Long> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        out.put(root.relativize(f) + " " + Files.size(f), Files.getLastModifiedTime(f).toMillis());
      }
    }
    return out;
  }
}
