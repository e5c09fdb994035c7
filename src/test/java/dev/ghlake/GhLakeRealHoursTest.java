package dev.ghlake;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ghlake.cli.CommandLine;
import dev.ghlake.run.GhLakeOptions;
import dev.ghlake.summary.RunSummary;
import dev.ghlake.testing.DuckDb;
import dev.ghlake.testing.RealData;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The four real archive hours (2011–2014), end to end on the DirectRunner. */
public class GhLakeRealHoursTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void everyEventOfTheFourHoursLandsInItsUtcPartition() throws Exception {
    Path hours = RealData.hours();
    Map<String, Long> expected = countIndependently(hours);
    long expectedEvents = expected.values().stream().mapToLong(Long::longValue).sum();

    String out = tmp.getRoot().getPath();
    GhLakeOptions options = CommandLine.options(
        "--input=" + hours + "/*.json.gz", "--output=" + out,
        "--summaryFile=" + out + "/summary.json", "--progressSeconds=0");
    RunSummary summary = GhLake.run(options);

    String events = "read_parquet('" + out + "/events/**/*.parquet', hive_partitioning=true)";
    Map<String, Long> actual = new TreeMap<>();
    DuckDb.query("SELECT CAST(dt AS VARCHAR) || '/' || lpad(CAST(hour AS VARCHAR), 2, '0') || '/' "
        + "|| type, count(*) FROM " + events + " GROUP BY 1", rs -> actual.put(rs.getString(1), rs.getLong(2)));
    assertEquals(expected, actual);

    // read by a glob, not a window: partitions that also got late events of hours whose own file
    // was not read are written (a first load) but marked incomplete, and so is the run
    assertEquals(RunSummary.Status.incomplete, summary.status());
    assertTrue(summary.kept().isEmpty());
    assertFalse(summary.incompletePartitions().isEmpty());
    assertTrue(summary.incompletePartitions().toString(), summary.incompletePartitions().stream()
        .allMatch(p -> p.contains("no archive file of hour")));
    assertEquals(expectedEvents, summary.read());
    assertEquals(expectedEvents, summary.written());
    assertTrue(summary.identityHolds());
    long partitions = expected.keySet().stream().map(k -> k.substring(0, 13)).distinct().count();
    assertEquals(partitions, summary.partitions().size());
    assertEquals(expectedEvents, DuckDb.count("SELECT count(DISTINCT event_id) FROM " + events));
    assertEquals(0, DuckDb.count("SELECT count(*) FROM " + events
        + " WHERE repo_name IS NOT NULL AND NOT regexp_matches(repo_name, '^[^/]+/[^/]+$')"));

    try (Stream<Path> all = Files.walk(Path.of(out))) {
      assertEquals("no FileIO temp folders left behind", 0,
          all.filter(p -> p.getFileName().toString().startsWith(".temp-beam")).count());
    }
    JsonNode written = JSON.readTree(Path.of(out, "summary.json").toFile());
    assertEquals("incomplete", written.get("status").asText());
    assertEquals(expectedEvents, written.get("read").asLong());
    assertEquals(summary.files(), written.get("files").asLong());
    assertTrue(written.get("bytes").asLong() > 0);
  }

  @Test
  public void aPacificEraWindowReadsItsPacificNamedFileAndCountsTheRestOutside() throws Exception {
    Path hours = RealData.hours();
    Map<String, Long> all = countIndependently(hours);
    long inHour = all.entrySet().stream().filter(e -> e.getKey().startsWith("2014-02-15/08/"))
        .mapToLong(Map.Entry::getValue).sum();
    long fileEvents = all.entrySet().stream().filter(e -> e.getKey().startsWith("2014-02-15/"))
        .mapToLong(Map.Entry::getValue).sum();

    String out = tmp.getRoot().getPath();
    RunSummary s = GhLake.run(CommandLine.options("--input=" + hours,
        "--from=2014-02-15T08", "--to=2014-02-15T09", "--output=" + out, "--progressSeconds=0"));

    assertEquals(fileEvents, s.read()); // only 2014-02-15-0.json.gz is in the read window
    assertEquals(inHour, s.written());
    assertEquals(fileEvents - inHour, s.outsideWindow());
    assertTrue(s.identityHolds());
    assertEquals(List.of("dt=2014-02-15/hour=08"), s.partitions());
    // Pacific hour 0 is the window's one own file (the sample lacks hour 1, UTC 09: a margin file
    // for late events, whose absence is a warning)
    assertEquals(s.failures().toString(), RunSummary.Status.success, s.status());
    assertEquals(List.of(), s.missingHours());
    assertTrue(s.warnings().toString(), s.warnings().toString().contains("not available yet"));

    // the same window again: an identical lake, the first run's files gone
    Path partition = Path.of(out, "events", "dt=2014-02-15", "hour=08");
    byte[] firstData = Files.readAllBytes(onlyParquet(partition));
    RunSummary again = GhLake.run(CommandLine.options("--input=" + hours,
        "--from=2014-02-15T08", "--to=2014-02-15T09", "--output=" + out, "--progressSeconds=0"));
    assertEquals(s.written(), again.written());
    Path second = onlyParquet(partition);
    assertTrue(second.getFileName().toString().contains(again.runId()));
    org.junit.Assert.assertArrayEquals(firstData, Files.readAllBytes(second));
  }

  /**
   * 2011's files are named by the UTC hour their events were created in: a window of that hour
   * reads that file as its own and writes every event. (It used to read the Pacific-named file of
   * 2011-02-14 for it, find it missing, and write nothing; a day's window lost its last two hours.)
   */
  @Test
  public void anEventsApiEraWindowReadsItsUtcNamedFile() throws Exception {
    Path hours = RealData.hours();
    long fileEvents = countIndependently(hours).entrySet().stream()
        .filter(e -> e.getKey().startsWith("2011-02-15/00/")).mapToLong(Map.Entry::getValue).sum();
    String out = tmp.getRoot().getPath();
    RunSummary s = GhLake.run(CommandLine.options("--input=" + hours,
        "--from=2011-02-15T00", "--to=2011-02-15T01", "--output=" + out, "--progressSeconds=0"));

    assertEquals(s.failures().toString(), RunSummary.Status.success, s.status());
    assertEquals(nonBlankLines(hours.resolve("2011-02-15-0.json.gz")), s.read());
    assertEquals(fileEvents, s.written());
    assertEquals(0, s.outsideWindow());
    assertEquals(List.of(), s.missingHours());
    assertEquals(List.of("dt=2011-02-15/hour=00"), s.partitions());
    assertTrue(s.identityHolds());
  }

  private static long nonBlankLines(Path gz) throws Exception {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(gz)), StandardCharsets.UTF_8))) {
      return r.lines().filter(l -> !l.isBlank()).count();
    }
  }

  private static Path onlyParquet(Path folder) throws Exception {
    try (Stream<Path> files = Files.list(folder)) {
      List<Path> parquet = files.filter(f -> f.toString().endsWith(".parquet")).toList();
      assertEquals(parquet.toString(), 1, parquet.size());
      return parquet.get(0);
    }
  }

  /** dt/HH/type → events, read straight from the raw JSON, copies (same id and time) once. */
  private static Map<String, Long> countIndependently(Path hours) throws Exception {
    Map<String, Long> counts = new TreeMap<>();
    Set<String> seen = new HashSet<>();
    List<Path> files;
    try (Stream<Path> s = Files.list(hours)) {
      files = s.filter(p -> p.toString().endsWith(".json.gz")).toList();
    }
    for (Path f : files) {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(
          new GZIPInputStream(Files.newInputStream(f)), StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          if (line.isBlank()) {
            continue;
          }
          JsonNode e = JSON.readTree(line);
          OffsetDateTime t = OffsetDateTime.parse(e.get("created_at").asText())
              .withOffsetSameInstant(ZoneOffset.UTC);
          String identity = e.has("id") ? e.get("id").asText() + "@" + t : line;
          if (seen.add(identity)) {
            counts.merge(String.format("%s/%02d/%s", t.toLocalDate(), t.getHour(),
                e.get("type").asText()), 1L, Long::sum);
          }
        }
      }
    }
    return counts;
  }
}
