package dev.ghlake;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.ghlake.cli.ExitCode;
import dev.ghlake.summary.RunSummary;
import dev.ghlake.testing.ArchiveFiles;
import dev.ghlake.testing.DuckDb;
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
 * What GH Archive publishes is not trusted blindly: an hour file that holds none of its own
 * events (garbage, or a mirror out of step) or far fewer than the lake has does not replace a
 * good partition, and a source that cannot be reached fails the run instead of looking like a
 * gap (gharchive.org #310, #312, #323; issue 22).
 */
public class SourceTrustTest {
  private static final String HOURS = "--from=2024-07-01T00";

  @Rule public TemporaryFolder tmp = new TemporaryFolder();
  private ThreeHourLake fixture;
  private Path archive;
  private String lake;
  /** Rows of hour 01 in the lake (its file's 500 lines less the generator's duplicates). */
  private long hour1;

  @Before
  public void writeThreeHoursAndLoadThem() throws Exception {
    fixture = new ThreeHourLake(tmp);
    archive = fixture.archive;
    lake = fixture.lake.toString();
    assertEquals(RunSummary.Status.success, run(archive.toString()).status());
    hour1 = rows("01");
    assertTrue(hour1 > 450);
  }

  private RunSummary run(String input, String... extra) {
    return fixture.run(input, HOURS, extra);
  }

  private int exitCode(RunSummary s) {
    return fixture.exitCode(s);
  }

  private long rows(String hour) throws Exception {
    return DuckDb.count("SELECT count(*) FROM read_parquet('" + lake
        + "/events/dt=2024-07-01/hour=" + hour + "/*.parquet')");
  }

  private byte[] manifest(String hour) throws Exception {
    return Files.readAllBytes(Path.of(lake, "events", "dt=2024-07-01", "hour=" + hour, "_manifest.json"));
  }

  private List<byte[]> lines(String file) throws Exception {
    byte[] all;
    try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(archive.resolve(file)))) {
      all = in.readAllBytes();
    }
    return Arrays.stream(new String(all, StandardCharsets.UTF_8).split("\n"))
        .map(l -> l.getBytes(StandardCharsets.UTF_8)).toList();
  }

  @Test
  public void anHourFileOfGarbageKeepsItsPartitionAndSaysSo() throws Exception {
    byte[] before = manifest("01");
    ArchiveFiles.write(archive, "2024-07-01-1.json.gz", ArchiveFiles.gzip(IntStream.range(0, 200)
        .mapToObj(i -> ("<html>mirror error page, line " + i + "</html>").getBytes(StandardCharsets.UTF_8))
        .toList()));

    RunSummary s = run(archive.toString(), "--maxRejectedRatio=1");

    assertEquals(RunSummary.Status.incomplete, s.status());
    assertEquals(List.of("dt=2024-07-01/hour=01: 2024-07-01-1.json.gz does not hold its hour: 0 of "
        + "its 200 line(s) are events of 2024-07-01T01, 0 of later hours"), s.kept());
    assertEquals(hour1, rows("01"));
    assertArrayEquals(before, manifest("01"));
    assertEquals(List.of("dt=2024-07-01/hour=00", "dt=2024-07-01/hour=02"), s.partitions());
    assertTrue(s.identityHolds());
    assertEquals(ExitCode.SUCCESS.code(), exitCode(s));
  }

  @Test
  public void anHourFileHoldingTheNextHoursEventsKeepsItsPartition() throws Exception {
    byte[] before = manifest("01");
    long hour2 = rows("02");
    Files.copy(archive.resolve("2024-07-01-2.json.gz"), archive.resolve("2024-07-01-1.json.gz"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    RunSummary s = run(archive.toString());

    assertEquals(RunSummary.Status.incomplete, s.status());
    assertEquals(1, s.kept().size());
    assertTrue(s.kept().toString(), s.kept().get(0).matches("dt=2024-07-01/hour=01: "
        + "2024-07-01-1.json.gz does not hold its hour: \\d of its 500 line\\(s\\) are events of "
        + "2024-07-01T01, 4\\d\\d of later hours"));
    assertEquals(hour1, rows("01"));
    assertArrayEquals(before, manifest("01"));
    assertEquals(hour2, rows("02")); // file 1's copies of its events are duplicates there
    assertTrue(s.duplicates() >= hour2);
    assertTrue(s.identityHolds());
  }

  @Test
  public void aFileOfLateEventsStillVouchesForItsHour() throws Exception {
    // GitHub delivers events up to hours late: hour 2's file holding hour 1's events is normal
    List<byte[]> late = new ArrayList<>(lines("2024-07-01-1.json.gz"));
    late.addAll(lines("2024-07-01-2.json.gz").subList(0, 20));
    ArchiveFiles.write(archive, "2024-07-01-2.json.gz", ArchiveFiles.gzip(late));

    RunSummary s = run(archive.toString(), "--shrinkLimit=0");

    assertEquals(s.kept().toString(), RunSummary.Status.success, s.status());
    assertTrue(s.partitions().contains("dt=2024-07-01/hour=02"));
    assertTrue(rows("02") > 0 && rows("02") <= 20);
  }

  @Test
  public void aMuchSmallerVersionOfAnHourDoesNotShrinkTheLakeUnlessAllowed() throws Exception {
    byte[] before = manifest("01");
    List<byte[]> all = lines("2024-07-01-1.json.gz");
    ArchiveFiles.write(archive, "2024-07-01-1.json.gz", ArchiveFiles.gzip(all.subList(0, 200)));

    RunSummary s = run(archive.toString());
    assertEquals(RunSummary.Status.incomplete, s.status());
    assertEquals(1, s.kept().size());
    String kept = s.kept().get(0);
    assertTrue(kept, kept.startsWith("dt=2024-07-01/hour=01: the new version would shrink it from "
        + String.format("%,d", hour1) + " to "));
    assertTrue(kept, kept.endsWith(" rows (under --shrinkLimit=0.5 of the lake's version, made with "
        + "the same filters); re-run with --shrinkLimit=0 to accept it"));
    assertEquals(hour1, rows("01"));
    assertArrayEquals(before, manifest("01"));

    ArchiveFiles.write(archive, "2024-07-01-1.json.gz", ArchiveFiles.gzip(all.subList(0, 260)));
    assertEquals(RunSummary.Status.success, run(archive.toString()).status()); // over half: replaced
    long over = rows("01");
    assertTrue(over + " of " + hour1, over >= hour1 / 2 && over <= 260);

    ArchiveFiles.write(archive, "2024-07-01-1.json.gz", ArchiveFiles.gzip(all.subList(0, 100)));
    assertEquals(RunSummary.Status.success, run(archive.toString(), "--shrinkLimit=0").status());
    assertTrue(rows("01") <= 100);
  }

  @Test
  public void aVersionWithOtherFiltersReplacesTheLakesOnlyWhenTold() throws Exception {
    byte[] before = manifest("01");
    RunSummary kept = run(archive.toString(), "--types=IssuesEvent");
    assertEquals(RunSummary.Status.incomplete, kept.status());
    assertEquals(3, kept.kept().size());
    assertTrue(kept.kept().get(1), kept.kept().get(1).equals("dt=2024-07-01/hour=01: the lake's "
        + "version was made with no filters, this run's with --types=IssuesEvent; re-run with "
        + "--replaceFiltered=true to replace it anyway, or write the other selection to another --output"));
    assertArrayEquals(before, manifest("01"));

    RunSummary issues = run(archive.toString(), "--types=IssuesEvent", "--replaceFiltered=true");
    assertEquals(RunSummary.Status.success, issues.status());
    assertTrue(new String(manifest("01"), StandardCharsets.UTF_8).contains("\"filters\" : \"--types=IssuesEvent\""));
    long issueRows = rows("01");
    assertTrue("IssuesEvent is a small share of the hour: " + issueRows, issueRows > 0 && issueRows < hour1 / 2);
  }

  @Test
  public void anInputFolderThatDoesNotExistFailsTheRunNamingIt() throws Exception {
    byte[] before = manifest("01");
    RunSummary s = run(tmp.getRoot() + "/no-such-mirror/");
    assertEquals(RunSummary.Status.failed, s.status());
    assertTrue(s.failures().toString(), s.failures().get(0).contains("no-such-mirror/ does not exist"));
    assertEquals(ExitCode.FAILED.code(), exitCode(s));
    assertArrayEquals(before, manifest("01"));
  }

  @Test
  public void aMissingHourExitsZeroUnlessFailOnIncompleteIsSet() throws Exception {
    Files.delete(archive.resolve("2024-07-01-2.json.gz"));
    RunSummary lenient = run(archive.toString());
    assertEquals(RunSummary.Status.incomplete, lenient.status());
    assertEquals(ExitCode.SUCCESS.code(), exitCode(lenient));

    RunSummary strict = run(archive.toString(), "--failOnIncomplete=true");
    assertEquals(RunSummary.Status.incomplete, strict.status());
    assertEquals(ExitCode.INCOMPLETE.code(), exitCode(strict));
    assertTrue(rows("02") > 450); // the lake's version, kept
  }
}
