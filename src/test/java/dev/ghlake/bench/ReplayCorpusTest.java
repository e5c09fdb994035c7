package dev.ghlake.bench;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ghlake.GhLake;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The benchmark's corpus of real events (scripts/replay-corpus): the same seed makes the same
 * bytes, every line is the modern Events API shape, every era of the real hours is in it, and
 * ghlake loads all of it without a reject.
 */
public class ReplayCorpusTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  private Path replay(String name, int events, int seed) throws Exception {
    Path out = tmp.getRoot().toPath().resolve(name);
    Process p = new ProcessBuilder("python3", "scripts/replay-corpus", "--output=" + out, "--events=" + events,
        "--hours=2", "--start=2024-07-01", "--seed=" + seed, "--hours-from=" + RealData.hours())
        .redirectErrorStream(true).start();
    String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(said, p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(said, 0, p.exitValue());
    return out;
  }

  @Test
  public void theSameSeedMakesTheSameBytesInTheModernShapeAndGhLakeLoadsEveryEvent() throws Exception {
    int events = 40_000; // twice the pool of the four real hours: copies of every event
    Path a = replay("a", events, 3);
    Path b = replay("b", events, 3);
    Path c = replay("c", events, 4);
    for (String hour : List.of("2024-07-01-0.json.gz", "2024-07-01-1.json.gz")) {
      assertArrayEquals(hour, Files.readAllBytes(a.resolve(hour)), Files.readAllBytes(b.resolve(hour)));
      assertFalse(hour, java.util.Arrays.equals(Files.readAllBytes(a.resolve(hour)), Files.readAllBytes(c.resolve(hour))));
    }
    Set<String> ids = new HashSet<>();
    Set<String> logins = new HashSet<>();
    boolean commits = false;
    boolean commentObjects = false;
    for (String hour : List.of("2024-07-01-0.json.gz", "2024-07-01-1.json.gz")) {
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(
          new GZIPInputStream(Files.newInputStream(a.resolve(hour))), StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          JsonNode e = JSON.readTree(line);
          assertTrue(line, e.path("actor").path("id").canConvertToLong() && e.path("repo").path("id").canConvertToLong());
          assertTrue(line, e.path("created_at").asText().startsWith(hour.substring(0, 10) + "T"));
          assertFalse(line, e.path("payload").has("shas") || e.path("payload").has("actor_gravatar"));
          ids.add(e.path("id").asText());
          logins.add(e.path("actor").path("login").asText());
          commits |= e.path("payload").path("commits").isArray();
          commentObjects |= e.path("payload").path("comment").isObject(); // from the 2013-14 timeline's comment ids
        }
      }
    }
    assertEquals("every event a new id", events, ids.size());
    assertTrue("copies are new actors", logins.stream().anyMatch(l -> l.endsWith("-r1")));
    assertTrue(commits && commentObjects);

    GhLakeOptions options = CommandLine.options("--input=" + a, "--output=" + tmp.getRoot().toPath()
        .resolve("lake"), "--from=2024-07-01T00", "--to=2024-07-01T02", "--latenessHours=0", "--progressSeconds=0");
    RunSummary s = GhLake.run(options);
    assertEquals(RunSummary.Status.success, s.status());
    assertEquals(events, s.read());
    assertEquals(events, s.written());
    assertTrue(s.rejected().isEmpty());
    // the eras' event types, all of them but the two without a repository that today's Events API
    // no longer has: 2011's and 2012's API events and the timeline's alike
    assertEquals(DuckDb.count("SELECT count(DISTINCT type) FROM read_json_auto('" + RealData.hours()
        + "/*.json.gz') WHERE type NOT IN ('FollowEvent', 'GistEvent')"),
        DuckDb.count("SELECT count(DISTINCT type) FROM read_parquet('" + tmp.getRoot() + "/lake/events/**/*.parquet')"));
  }
}
