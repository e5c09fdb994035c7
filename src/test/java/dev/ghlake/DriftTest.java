package dev.ghlake;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ghlake.cli.CommandLine;
import dev.ghlake.cli.ExitCode;
import dev.ghlake.profile.DriftFinding;
import dev.ghlake.run.GhLakeOptions;
import dev.ghlake.run.LakeRun;
import dev.ghlake.source.synthetic.SyntheticPlan;
import dev.ghlake.summary.RunSummary;
import dev.ghlake.testing.DuckDb;
import dev.ghlake.testing.PayloadCut;
import dev.ghlake.testing.TestArchives;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Replays 2025-10-07, the day GitHub cut the Events API payloads (GitHub changelog 2025-08-08;
 * measured in GH Archive's hour files by cncf/devstatscode, ghapi2db-gha-gaps.md): six normal
 * days in the modern shape, then a day in the trimmed shape (PushEvent without size,
 * distinct_size and commits; PullRequestEvent's pull_request a stub; DiscussionEvent appears),
 * then a day with 1 % of the events (gharchive.org #312). The lake's profiles must show it.
 */
public class DriftTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int EVENTS_A_DAY = 3_000;

  @ClassRule public static TemporaryFolder tmp = new TemporaryFolder();
  private static Path archive;
  private static String lake;
  private static RunSummary normal;
  private static RunSummary trimmed;
  private static RunSummary sparse;
  private static RunSummary doubled;
  private static GhLakeOptions trimmedOptions;
  private static final ByteArrayOutputStream console = new ByteArrayOutputStream();

  @BeforeClass
  public static void replayTheCut() throws Exception {
    archive = tmp.newFolder("archive").toPath();
    TestArchives.write(archive, new SyntheticPlan(9L * EVENTS_A_DAY, 9 * 24, "2025-10-01T00"), 7);
    try (Stream<Path> files = Files.list(archive)) {
      for (Path f : files.toList()) {
        String name = f.getFileName().toString();
        if (name.startsWith("2025-10-07-")) {
          PayloadCut.rewrite(f, false);
        } else if (name.startsWith("2025-10-08-")) {
          PayloadCut.rewrite(f, true);
        } else if (name.startsWith("2025-10-09-")) {
          everyLineTwice(f);
        }
      }
    }
    lake = tmp.newFolder("lake").getPath();
    normal = run("--from=2025-10-01", "--to=2025-10-07");
    trimmed = run("--from=2025-10-07", "--to=2025-10-08");
    trimmedOptions = lastOptions;
    sparse = run("--from=2025-10-08", "--to=2025-10-09");
    doubled = run("--from=2025-10-09", "--to=2025-10-10");
  }

  /** An hour file holding its events twice over (as if GH Archive had appended a second fetch). */
  private static void everyLineTwice(Path hour) throws IOException {
    List<String> lines;
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(hour)), StandardCharsets.UTF_8))) {
      lines = in.lines().toList();
    }
    try (Writer out = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(hour)), StandardCharsets.UTF_8)) {
      for (int copy = 0; copy < 2; copy++) {
        for (String line : lines) {
          out.write(line);
          out.write('\n');
        }
      }
    }
  }

  private static GhLakeOptions lastOptions;

  private static RunSummary run(String... window) {
    List<String> args = new ArrayList<>(List.of("--input=" + archive, "--output=" + lake,
        "--partitionBy=day", "--latenessHours=0", "--progressSeconds=0"));
    args.addAll(List.of(window));
    lastOptions = CommandLine.options(args.toArray(new String[0]));
    PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
    return new LakeRun(lastOptions, out, out).execute();
  }

  private static List<String> lines(RunSummary s, String level) {
    return s.findings().stream().filter(f -> f.level().name().equals(level))
        .map(DriftFinding::measure).toList();
  }

  @Test
  public void normalDaysLoadWithoutErrors() {
    assertTrue(normal.failures().toString(), normal.status() == RunSummary.Status.success);
    assertEquals(List.of(), lines(normal, "error"));
  }

  @Test
  public void theTrimmedDayIsSuspectNamingTheKeysGitHubCut() throws Exception {
    assertEquals(console.toString(StandardCharsets.UTF_8), RunSummary.Status.suspect, trimmed.status());
    List<String> errors = lines(trimmed, "error");
    for (String key : List.of("size", "distinct_size", "commits")) {
      assertTrue(errors.toString(), errors.contains("PushEvent payload key '" + key + "' present"));
    }
    for (String key : List.of("title", "state", "merged", "body", "additions")) {
      assertTrue(errors.toString(), errors.contains("PullRequestEvent payload.pull_request key '" + key + "' present"));
    }
    assertTrue(errors.toString(), errors.stream().noneMatch(e -> e.contains("'number'") || e.contains("'head'")));
    // one level down in issues and comments too (the profile keeps their keys like pull_request's)
    assertTrue(errors.toString(), errors.contains("IssuesEvent payload.issue key 'author_association' present"));
    assertTrue(errors.toString(), errors.contains("IssueCommentEvent payload.comment key 'author_association' present"));
    assertTrue(errors.toString(), errors.stream().noneMatch(e -> e.contains("payload.issue key 'title'")));
    DriftFinding size = trimmed.findings().stream()
        .filter(f -> f.measure().equals("PushEvent payload key 'size' present")).findFirst().orElseThrow();
    assertEquals("dt=2025-10-07", size.partition());
    assertEquals("100.0%", size.baseline());
    assertEquals("0.0%", size.now());
    List<String> warnings = lines(trimmed, "warn");
    assertTrue(warnings.toString(), warnings.contains("new event type DiscussionEvent"));
    assertTrue(warnings.toString(), warnings.contains("PushEvent column push_size null"));
    assertEquals(ExitCode.SUSPECT.code(), CommandLine.exitCode(trimmed.status(), trimmed.notifyError(), trimmedOptions));

    // the data is committed: it is what GH Archive holds
    assertEquals(List.of("dt=2025-10-07"), trimmed.partitions());
    assertTrue(DuckDb.count("SELECT count(*) FROM read_parquet('" + lake
        + "/events/dt=2025-10-07/*.parquet') WHERE type = 'DiscussionEvent'") > 50);
    JsonNode manifest = JSON.readTree(Path.of(lake, "events", "dt=2025-10-07", "_manifest.json").toFile());
    assertTrue(manifest.path("findings").size() >= 8);
    JsonNode pushKeys = manifest.path("profile").path("PushEvent").path("payload_keys");
    assertTrue(pushKeys.toString(), pushKeys.has("ref") && !pushKeys.has("size"));
    assertTrue(manifest.path("profile").path("DiscussionEvent").path("events").asLong() > 50);
    String said = console.toString(StandardCharsets.UTF_8);
    assertTrue(said, said.contains("DRIFT       error dt=2025-10-07 PushEvent payload key 'size' present: baseline 100.0%, now 0.0%"));
  }

  @Test
  public void aDayWhoseEventsComeTwiceIsFlaggedAndWrittenOnce() throws Exception {
    DriftFinding repeats = doubled.findings().stream()
        .filter(f -> f.measure().equals("events repeating an earlier id")).findFirst().orElseThrow();
    assertEquals("50.0%", repeats.now());
    assertEquals(RunSummary.Status.success, doubled.status()); // a warning: the repeats are dropped
    // every event once: the second copies, and the few repeats the generator makes, are dropped
    assertTrue(doubled.toJson(), doubled.duplicates() >= doubled.written() && doubled.written() < doubled.read() / 2);
    JsonNode manifest = JSON.readTree(Path.of(lake, "events", "dt=2025-10-09", "_manifest.json").toFile());
    assertEquals(doubled.duplicates(), manifest.path("profile").path("_duplicates").asLong());
    assertTrue(lines(normal, "warn").stream().noneMatch(w -> w.contains("repeating")));
  }

  @Test
  public void aDayWithOnePercentOfItsEventsIsAVolumeError() {
    assertEquals(RunSummary.Status.suspect, sparse.status());
    assertTrue(lines(sparse, "error").toString(), lines(sparse, "error").contains("volume under 10.0% of the baseline"));
  }
}
