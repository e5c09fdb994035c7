package dev.ghlake;

import static org.junit.Assert.assertArrayEquals;
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
import dev.ghlake.testing.TestArchives;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Window runs: exactly the window's partitions, replaced whole, the same on every re-run. */
public class WindowedRunsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant FROM = Instant.parse("2024-07-01T01:00:00Z");
  private static final Instant TO = Instant.parse("2024-07-01T04:00:00Z");

  @Rule public TemporaryFolder tmp = new TemporaryFolder();
  private Path archive;
  private String lake;

  @Before
  public void writeArchive() throws Exception {
    archive = tmp.newFolder("archive").toPath();
    // 6 hours, about 1 event in 330 late (created up to 2 hours before its file's hour)
    TestArchives.write(archive, new SyntheticPlan(30_000, 6, "2024-07-01T00"), 3);
    lake = tmp.newFolder("lake").getPath();
  }

  private RunSummary run(String... extra) {
    List<String> args = new ArrayList<>(List.of(extra));
    List.of("--input=" + archive, "--output=" + lake, "--latenessHours=2", "--progressSeconds=0")
        .forEach(d -> {
          if (args.stream().noneMatch(a -> a.startsWith(d.substring(0, d.indexOf('=') + 1)))) {
            args.add(d); // a default, unless the test gave its own
          }
        });
    return GhLake.run(CommandLine.options(args.toArray(new String[0])));
  }

  @Test
  public void aWindowWritesItsPartitionsOnlyAndCountsTheRestOutside() throws Exception {
    run("--from=2024-07-01T00", "--to=2024-07-01T01");           // an earlier run: hour 00
    byte[] hour0 = Files.readAllBytes(manifest("00"));

    RunSummary s = run("--from=2024-07-01T01", "--to=2024-07-01T04");

    // expected from the archive files 01..05 (window 01..03 + 2 hours' margin), parsed here
    long read = 0;
    long inWindow = 0;
    Set<String> seen = new HashSet<>();
    long duplicates = 0;
    for (int h = 1; h <= 5; h++) {
      for (String line : lines(archive.resolve("2024-07-01-" + h + ".json.gz"))) {
        read++;
        JsonNode e = JSON.readTree(line);
        Instant t = Instant.parse(e.get("created_at").asText());
        if (!t.isBefore(FROM) && t.isBefore(TO)) {
          inWindow++;
          duplicates += seen.add(e.get("id").asText() + "@" + t) ? 0 : 1;
        }
      }
    }
    assertEquals(RunSummary.Status.success, s.status());
    assertEquals(read, s.read());
    assertEquals(read - inWindow, s.outsideWindow());
    assertTrue("the archive has late events", s.outsideWindow() > 0);
    assertEquals(duplicates, s.duplicates());
    assertEquals(inWindow - duplicates, s.written());
    assertTrue(s.identityHolds());
    assertEquals(List.of("dt=2024-07-01/hour=01", "dt=2024-07-01/hour=02", "dt=2024-07-01/hour=03"),
        s.partitions());
    assertArrayEquals("hour 00 is outside the window: untouched", hour0, Files.readAllBytes(manifest("00")));
    assertEquals(s.written(), DuckDb.count("SELECT count(*) FROM read_parquet('" + lake
        + "/events/dt=2024-07-01/hour=0[123]/*.parquet')"));
  }

  @Test
  public void runningAWindowAgainReplacesItWithIdenticalFiles() throws Exception {
    RunSummary first = run("--from=2024-07-01T01", "--to=2024-07-01T03");
    Map<String, byte[]> before = dataFiles(first.runId());
    RunSummary second = run("--from=2024-07-01T01", "--to=2024-07-01T03");
    Map<String, byte[]> after = dataFiles(second.runId());

    assertEquals(before.keySet(), after.keySet());
    before.forEach((part, bytes) -> assertArrayEquals(part, bytes, after.get(part)));
    assertEquals("only the second run's files remain", after.size(), allDataFiles().size());
    assertEquals(second.runId(), JSON.readTree(manifest("01").toFile()).get("run_id").asText());
    assertEquals(second.written(), DuckDb.count("SELECT count(*) FROM read_parquet('" + lake
        + "/events/**/*.parquet')"));

    RunSummary pushesOnly = run("--from=2024-07-01T01", "--to=2024-07-01T03", "--types=PushEvent",
        "--replaceFiltered=true");
    assertEquals(pushesOnly.written(), DuckDb.count("SELECT count(*) FROM read_parquet('" + lake
        + "/events/**/*.parquet')"));
    assertEquals(0, DuckDb.count("SELECT count(*) FROM read_parquet('" + lake
        + "/events/**/*.parquet') WHERE type <> 'PushEvent'"));
    JsonNode m = JSON.readTree(manifest("02").toFile());
    long listed = 0;
    for (JsonNode f : m.get("files")) {
      assertTrue(Files.exists(manifest("02").resolveSibling(f.get("path").asText())));
      listed += f.get("rows").asLong();
    }
    assertEquals(m.at("/counts/written").asLong(), listed);
    assertTrue(m.at("/counts/filtered/type_not_included").asLong() > 0);
  }

  @Test
  public void aMissingHourMakesTheRunIncompleteOrFailedIfAsked() throws Exception {
    Files.delete(archive.resolve("2024-07-01-2.json.gz"));
    RunSummary s = run("--from=2024-07-01T01", "--to=2024-07-01T04");
    assertEquals(RunSummary.Status.incomplete, s.status());
    assertEquals(List.of(archive + "/2024-07-01-2.json.gz"), s.missingHours());
    assertEquals(archive + "/2024-07-01-2.json.gz",
        JSON.readTree(manifest("02").toFile()).get("missing_hours").get(0).asText());
    assertTrue(s.identityHolds());

    RunSummary strict = run("--from=2024-07-01T01", "--to=2024-07-01T04", "--failOnMissing=true");
    assertEquals(RunSummary.Status.failed, strict.status());
  }

  @Test
  public void aMissingHourNeverEmptiesAPartitionThatHeldData() throws Exception {
    run("--from=2024-07-01T01", "--to=2024-07-01T02");
    byte[] before = Files.readAllBytes(manifest("01"));
    List<Path> files = allDataFiles();
    assertFalse(files.isEmpty());
    Files.delete(archive.resolve("2024-07-01-1.json.gz"));

    RunSummary s = run("--from=2024-07-01T01", "--to=2024-07-01T02", "--latenessHours=0");
    assertEquals(RunSummary.Status.incomplete, s.status());
    assertEquals(List.of(), s.partitions());
    assertEquals(List.of("dt=2024-07-01/hour=01: 2024-07-01-1.json.gz is missing"), s.kept());
    assertArrayEquals("the partition keeps its version", before, Files.readAllBytes(manifest("01")));
    assertEquals(files, allDataFiles());

    // told explicitly, a run replaces it (with what it has: nothing), marked incomplete
    RunSummary forced = run("--from=2024-07-01T01", "--to=2024-07-01T02", "--latenessHours=0",
        "--replaceIncomplete=true");
    assertEquals(List.of("dt=2024-07-01/hour=01"), forced.partitions());
    JsonNode m = JSON.readTree(manifest("01").toFile());
    assertEquals("incomplete", m.get("status").asText());
    assertEquals(0, m.get("files").size());
    assertTrue("the old version's files are gone", allDataFiles().isEmpty());
  }

  private Path manifest(String hour) {
    return Path.of(lake, "events", "dt=2024-07-01", "hour=" + hour, "_manifest.json");
  }

  /** Data files of one run, keyed by partition/part without the run id. */
  private Map<String, byte[]> dataFiles(String runId) throws Exception {
    Map<String, byte[]> out = new TreeMap<>();
    for (Path f : allDataFiles()) {
      String name = f.getFileName().toString();
      if (name.endsWith("-" + runId + ".parquet")) {
        out.put(f.getParent().getFileName() + "/" + name.replace("-" + runId, ""), Files.readAllBytes(f));
      }
    }
    return out;
  }

  private List<Path> allDataFiles() throws Exception {
    try (Stream<Path> files = Files.walk(Path.of(lake, "events"))) {
      return files.filter(f -> f.toString().endsWith(".parquet")).toList();
    }
  }

  private static List<String> lines(Path gz) throws Exception {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(gz)), StandardCharsets.UTF_8))) {
      return r.lines().filter(l -> !l.isBlank()).toList();
    }
  }
}
