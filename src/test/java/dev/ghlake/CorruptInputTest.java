package dev.ghlake;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ghlake.cli.CommandLine;
import dev.ghlake.run.GhLakeOptions;
import dev.ghlake.summary.RunSummary;
import dev.ghlake.testing.ArchiveFiles;
import dev.ghlake.testing.DuckDb;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The archive's real kinds of corruption, each line with its expected outcome. None may crash
 * the run or vanish: each ends written, deduplicated or rejected with a reason, and the
 * accounting identity holds.
 */
public class CorruptInputTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String T = "\"created_at\":\"2024-07-01T00:10:00Z\"";
  private static final String GOOD_A = "{\"id\":\"1\",\"type\":\"PushEvent\"," + T + ",\"actor\":{\"id\":1,\"login\":\"a\"},\"repo\":{\"id\":1,\"name\":\"a/b\"},\"payload\":{}}";

  @Rule public TemporaryFolder tmp = new TemporaryFolder();
  private Path archive;
  private int truncatedLines;

  /** Line number → expected reason, for the crafted hour file. */
  private final Map<Integer, String> expectedRejects = new TreeMap<>();

  @Before
  public void craftArchive() throws Exception {
    archive = tmp.newFolder("archive").toPath();
    List<byte[]> lines = new ArrayList<>();
    add(lines, GOOD_A, null);                                                          // 1 written
    add(lines, "{\"id\":\"2\",\"type\":\"PushEvent\",", "invalid_json");               // 2 cut JSON
    add(lines, "{\"id\":\"3\",\"type\":\"Push\u0000Event\"," + T + "}", "invalid_json"); // 3 raw NUL
    add(lines, GOOD_A + GOOD_A.replace("\"1\"", "\"4\""), null);                       // 4 two events
    add(lines, "[1,2,3]", "not_an_event");                                             // 5 an array
    add(lines, "{\"id\":\"6\"," + T + "}", "not_an_event");                            // 6 no type
    add(lines, "{\"id\":\"7\",\"type\":\"PushEvent\"}", "not_an_event");               // 7 no time
    add(lines, "{\"id\":\"8\",\"type\":\"PushEvent\",\"created_at\":\"noon\"}", "bad_timestamp");
    add(lines, "{\"id\":\"9\",\"type\":\"PushEvent\"," + T + ",\"actor\":12}", "wrong_field_type");
    add(lines, "{\"id\":\"10\",\"type\":\"PushEvent\"," + T + ",\"repo\":\"a/b\"}", "wrong_field_type");
    add(lines, GOOD_A, null);                                                          // 11 duplicate
    add(lines, "{\"id\":\"12\",\"type\":\"GollumEvent\"," + T + ",\"payload\":{\"big\":\""
        + "x".repeat(2_500_000) + "\"}}", null);                                       // 12 > 2 MB
    lines.add(("{\"id\":\"13\",\"type\":\"WatchEvent\"," + T + ",\"payload\":{\"note\":\"caf")
        .getBytes(UTF_8));
    lines.set(12, concat(lines.get(12), new byte[] {(byte) 0xC3, (byte) 0x28},
        "\"}}".getBytes(UTF_8)));                                                      // 13 not UTF-8
    add(lines, "{\"id\":\"14\",\"type\":\"PushEvent\"," + T + ",\"payload\":{\"huge\":\""
        + "y".repeat(4 * 1024 * 1024) + "\"}}", "line_too_long");                      // 14 > 3 MiB
    add(lines, "   ", null);                                                           // 15 blank
    add(lines, "{\"id\":\"16\",\"type\":\"ForkEvent\",\"created_at\":\"2024-07-01T00:59:59Z\"}", null);
    ArchiveFiles.write(archive, "2024-07-01-0.json.gz", ArchiveFiles.gzip(lines));
    ArchiveFiles.write(archive, "2024-07-01-1.json.gz", new byte[0]);                 // empty file

    List<byte[]> many = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      many.add(("{\"id\":\"t" + i + "\",\"type\":\"WatchEvent\",\"created_at\":\"2024-07-01T02:"
          + String.format("%02d", i % 60) + ":00Z\",\"payload\":{\"n\":" + i + "}}").getBytes(UTF_8));
    }
    byte[] whole = ArchiveFiles.gzip(many);
    ArchiveFiles.write(archive, "2024-07-01-2.json.gz", Arrays.copyOf(whole, whole.length / 2));
    truncatedLines = many.size();
  }

  private void add(List<byte[]> lines, String line, String expectedReason) {
    lines.add(line.getBytes(UTF_8));
    if (expectedReason != null) {
      expectedRejects.put(lines.size(), expectedReason);
    }
  }

  private static byte[] concat(byte[]... parts) {
    int n = Arrays.stream(parts).mapToInt(p -> p.length).sum();
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }

  private RunSummary run(String out, String... extra) {
    List<String> args = new ArrayList<>(List.of("--input=" + archive, "--output=" + out,
        "--maxLineMB=3", "--progressSeconds=0"));
    args.addAll(List.of(extra));
    return GhLake.run(CommandLine.options(args.toArray(new String[0])));
  }

  @Test
  public void everyKindOfCorruptionEndsWrittenDeduplicatedOrRejectedWithItsReason() throws Exception {
    String out = tmp.newFolder("lake").getPath();
    RunSummary s = run(out, "--maxRejectedRatio=0.5");

    Map<String, Long> expectedByReason = new TreeMap<>();
    expectedRejects.values().forEach(r -> expectedByReason.merge(r, 1L, Long::sum));
    assertEquals(expectedByReason, s.rejected());
    assertEquals(2, s.duplicates()); // line 11, and the first event of line 4
    assertEquals(2, s.recoveredFromSharedLines());
    assertEquals(1, s.brokenSources().size());
    assertTrue(s.identityHolds());
    assertEquals(RunSummary.Status.incomplete, s.status()); // the truncated file

    String events = "read_parquet('" + out + "/events/**/*.parquet', hive_partitioning=true)";
    long keptFromTruncated = DuckDb.count("SELECT count(*) FROM " + events
        + " WHERE source_file = '2024-07-01-2.json.gz'");
    assertTrue("lines before the cut are kept", keptFromTruncated > 100 && keptFromTruncated < truncatedLines);
    assertEquals(5 + keptFromTruncated, s.written()); // 1, 4, 12, 13, 16 and the truncated file's
    assertEquals(16 + keptFromTruncated, s.read());    // 16 lines less the blank one, line 4 twice
    assertEquals(s.written(), DuckDb.count("SELECT count(*) FROM " + events));
    assertEquals(2_500_000 + "{\"big\":\"\"}".length(), DuckDb.count("SELECT length(payload) FROM " + events + " WHERE event_id = '12'"));
    assertEquals(1, DuckDb.count("SELECT count(*) FROM " + events
        + " WHERE event_id = '13' AND payload LIKE '%caf\uFFFD(%'"));

    List<JsonNode> deadLetters = deadLetters(out, s.runId());
    Map<Integer, String> lineReasons = new TreeMap<>();
    deadLetters.stream().filter(d -> d.get("source").asText().endsWith("2024-07-01-0.json.gz"))
        .forEach(d -> lineReasons.put(d.get("line").asInt(), d.get("reason").asText()));
    assertEquals(expectedRejects, lineReasons);
    assertEquals(1, deadLetters.stream().filter(d -> d.get("reason").asText().equals("unreadable_file")
        && d.get("source").asText().endsWith("2024-07-01-2.json.gz")).count());
    assertTrue(deadLetters.stream().allMatch(d -> d.get("error").asText().length() > 3));
  }

  @Test
  public void tooManyRejectsFailTheRunAndCommitNothing() throws Exception {
    String out = tmp.newFolder("lake").getPath();
    // 9 of about 1,500 lines are rejected: 0.6 %, over a limit of 0.1 %
    RunSummary s = run(out, "--maxRejectedRatio=0.001");
    assertEquals(RunSummary.Status.failed, s.status());
    assertTrue(s.failures().toString(), s.failures().stream().anyMatch(f -> f.contains("--maxRejectedRatio")));
    assertTrue(s.identityHolds());
    try (Stream<Path> files = Files.walk(Path.of(out))) {
      assertEquals("a failed run leaves no data file", List.of(), files
          .filter(f -> f.toString().endsWith(".parquet")).toList());
    }
    assertEquals("its dead letters stay, to see what broke",
        s.rejected().values().stream().mapToLong(Long::longValue).sum(),
        deadLetters(out, s.runId()).stream() // a broken file's letter is not a rejected event
            .filter(d -> !d.get("reason").asText().equals("unreadable_file")).count());
  }

  private static List<JsonNode> deadLetters(String out, String runId) throws Exception {
    List<JsonNode> all = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of(out, "_rejected", "run=" + runId))) {
      for (Path f : files.filter(f -> f.toString().endsWith(".json.gz")).toList()) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
            new GZIPInputStream(Files.newInputStream(f)), UTF_8))) {
          for (String line = r.readLine(); line != null; line = r.readLine()) {
            all.add(JSON.readTree(line));
          }
        }
      }
    }
    return all;
  }
}
