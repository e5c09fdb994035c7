package dev.ghlake.interactions;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ghlake.GhLake;
import dev.ghlake.InteractionsCommand;
import dev.ghlake.cli.CommandLine;
import dev.ghlake.run.GhLakeOptions;
import dev.ghlake.storage.Lease;
import dev.ghlake.storage.Leases;
import dev.ghlake.storage.StorageOptions;
import dev.ghlake.summary.RunSummary;
import dev.ghlake.testing.DuckDb;
import dev.ghlake.testing.RealData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The interactions table of a lake loaded from the real hours of 2011, 2012 and 2013, checked row
 * by row against DuckDB's reading of the same events with the documented rules in SQL.
 */
public class InteractionsTableTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The documented rules in SQL (docs/interactions.md): an implementation independent of ClassifyFn. */
  public static final String KIND_SQL = "CASE "
      + "WHEN type = 'WatchEvent' AND (action IS NULL OR action = 'started') THEN 'star' "
      + "WHEN type = 'ForkEvent' THEN 'fork' "
      + "WHEN type = 'IssuesEvent' AND action = 'opened' THEN 'issue_opened' "
      + "WHEN type = 'IssueCommentEvent' AND (action IS NULL OR action = 'created') THEN 'issue_comment' "
      + "WHEN type = 'PullRequestEvent' AND action = 'opened' THEN 'pr_opened' "
      + "WHEN type = 'PullRequestEvent' AND (action = 'merged' OR (action = 'closed' AND pr_merged)) THEN 'pr_merged' "
      + "WHEN type = 'PullRequestReviewEvent' THEN 'pr_review' "
      + "WHEN type = 'PullRequestReviewCommentEvent' AND (action IS NULL OR action = 'created') THEN 'pr_review_comment' "
      + "WHEN type = 'PushEvent' THEN 'push' "
      + "WHEN type = 'ReleaseEvent' AND (action IS NULL OR action IN ('published', 'created')) THEN 'release' "
      + "WHEN type = 'DiscussionEvent' AND (action IS NULL OR action = 'created') THEN 'discussion' END";

  @Rule public TemporaryFolder tmp = new TemporaryFolder();
  private Path lake;

  @Before
  public void loadTheRealHours() {
    lake = tmp.getRoot().toPath().resolve("lake");
    for (String hour : List.of("2011-02-15-0", "2012-02-15-0", "2013-02-15-0")) {
      RunSummary s = load(hour);
      assertNotEquals(RunSummary.Status.failed, s.status());
    }
  }

  @Test
  public void everyRowIsWhatTheEventsSayAndEveryEventIsAccountedFor() throws Exception {
    assertEquals(0, interactions());
    Map<String, String> expected = new TreeMap<>();
    DuckDb.query("SELECT CAST(dt AS VARCHAR), actor_id, repo_id, kind, count(*), min(epoch_us(created_at)), "
        + "max(epoch_us(created_at)) FROM (SELECT *, " + KIND_SQL + " AS kind FROM " + events() + ") "
        + "WHERE kind IS NOT NULL AND actor_id IS NOT NULL AND repo_id IS NOT NULL GROUP BY ALL",
        rs -> expected.put(rs.getString(1) + "/" + rs.getLong(2) + "/" + rs.getLong(3) + "/" + rs.getString(4),
            rs.getLong(5) + " " + rs.getLong(6) + " " + rs.getLong(7)));
    Map<String, String> actual = table();
    assertTrue(expected.size() > 2_000);
    assertEquals(expected, actual);

    for (String day : List.of("2011-02-15", "2012-02-15", "2013-02-15")) {
      JsonNode counts = manifest(day).path("counts");
      long inLake = DuckDb.count("SELECT count(*) FROM " + events() + " WHERE CAST(dt AS VARCHAR) = '" + day + "'");
      assertEquals(day, inLake, counts.path("events_read").asLong());
      long headings = Stream.of("interaction", "not_interaction", "merge_unknown", "no_actor_id", "no_repo_id")
          .mapToLong(h -> counts.path(h).asLong()).sum();
      assertEquals(day, inLake, headings);
    }
    // 2013's timeline events carry a login, never an actor id: no rows, every interaction counted as such
    JsonNode y2013 = manifest("2013-02-15").path("counts");
    assertEquals(0, y2013.path("interaction").asLong());
    assertEquals(DuckDb.count("SELECT count(*) FROM (SELECT " + KIND_SQL + " AS kind FROM " + events()
        + " WHERE CAST(dt AS VARCHAR) = '2013-02-15') WHERE kind IS NOT NULL"), y2013.path("no_actor_id").asLong());
  }

  @Test
  public void aSecondRunOnTheSameLakeWaitsForTheFirstAndIsRefusedWhenItDoesNotFinish() throws Exception {
    Leases leases = Leases.of(PipelineOptionsFactory.create().as(StorageOptions.class), lake.toString());
    try (Lease first = leases.acquire("20240101T000000Z-a1b2", "interactions", List.of(Leases.INTERACTIONS),
        Duration.ZERO, Duration.ofMinutes(5))) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
      assertEquals(1, InteractionsCommand.run(new String[] {"--lake=" + lake, "--leaseWaitSeconds=1"}, out, out));
      String said = bytes.toString(StandardCharsets.UTF_8);
      assertTrue(said, said.contains("not run: another run holds") && said.contains("20240101T000000Z-a1b2"));
      assertFalse("nothing built", Files.exists(lake.resolve("interactions")));
    }
    assertEquals(0, interactions()); // released: the next run builds
    assertEquals(2, parquet().size()); // 2011 and 2012; 2013's events have no actor ids, so no rows
  }

  /** A lake kept under a folder named "interactions" is planned as any other: a broken events manifest is named as such. */
  @Test
  public void aBrokenEventsManifestIsNamedEvenUnderAFolderCalledInteractions() throws Exception {
    Path moved = tmp.getRoot().toPath().resolve("interactions").resolve("lake");
    Files.createDirectories(moved.getParent());
    try (Stream<Path> all = Files.walk(lake)) {
      for (Path p : all.toList()) {
        Files.copy(p, moved.resolve(lake.relativize(p).toString()));
      }
    }
    Path manifest;
    try (Stream<Path> all = Files.walk(moved.resolve("events"))) {
      manifest = all.filter(p -> p.getFileName().toString().equals("_manifest.json")).findFirst().orElseThrow();
    }
    Files.writeString(manifest, "{}");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    assertEquals(1, InteractionsCommand.run(new String[] {"--lake=" + moved}, out, out));
    String said = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(said, said.contains(manifest.toString()) && said.contains("no list of files"));
  }

  @Test
  public void aRerunReplacesTheDaysAndAnUnchangedDayIsSkipped() throws Exception {
    assertEquals(0, interactions());
    Map<String, String> first = table();
    List<Path> firstFiles = parquet();
    assertTrue(run().contains("0 days committed (0 events read, 0 rows), 3 up to date"));
    assertEquals(firstFiles, parquet());

    assertEquals(0, interactions("--rebuild"));
    assertEquals(first, table());
    assertEquals(firstFiles.size(), parquet().size());
    assertTrue(parquet().stream().noneMatch(firstFiles::contains)); // replaced, not added to

    // the events of a day loaded again: that day alone is rebuilt
    load("2012-02-15-0");
    String said = run();
    assertTrue(said, said.contains("1 days committed") && said.contains("2 up to date"));
    assertEquals(first, table());
  }

  @Test
  public void aDayWhoseEventsFileIsGoneFailsTheRunAndKeepsTheTablesVersion() throws Exception {
    assertEquals(0, interactions());
    Map<String, String> before = table();
    load("2012-02-15-0"); // the day changes, so the next run rebuilds it ...
    Path listed;
    try (Stream<Path> files = Files.walk(lake.resolve("events/dt=2012-02-15"))) {
      listed = files.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
    }
    Files.delete(listed); // ... and one of its listed files is gone
    assertEquals(1, interactions());
    assertEquals(before, table());
    assertFalse(Files.exists(lake.resolve("interactions/_tmp")));
  }

  @Test
  public void anActorOverTheDailyVolumeIsFlaggedNotDropped() throws Exception {
    assertEquals(0, interactions("--botDailyInteractions=10"));
    Map<String, Long> busy = new TreeMap<>();
    DuckDb.query("SELECT actor_login, count(*) FROM (SELECT *, " + KIND_SQL + " AS kind FROM " + events()
        + ") WHERE kind IS NOT NULL AND actor_id IS NOT NULL AND repo_id IS NOT NULL GROUP BY dt, actor_id, "
        + "actor_login HAVING count(*) > 10", rs -> busy.put(rs.getString(1), rs.getLong(2)));
    Map<String, Long> flagged = new TreeMap<>();
    DuckDb.query("SELECT actor_login, sum(events) FROM " + interactionFiles() + " WHERE bot_reason = 'volume' "
        + "GROUP BY dt, actor_login", rs -> flagged.put(rs.getString(1), rs.getLong(2)));
    assertFalse(busy.isEmpty());
    assertEquals(busy, flagged);
    assertEquals(table().size(), DuckDb.count("SELECT count(*) FROM " + interactionFiles()));
  }

  private RunSummary load(String hour) {
    GhLakeOptions options = CommandLine.options("--input=" + RealData.hours().resolve(hour + ".json.gz"),
        "--output=" + lake, "--progressSeconds=0");
    return GhLake.run(options);
  }

  private int interactions(String... extra) {
    String[] args = Stream.concat(Stream.of("--lake=" + lake), Stream.of(extra)).toArray(String[]::new);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    int code = InteractionsCommand.run(args, out, out);
    System.out.print(bytes.toString(StandardCharsets.UTF_8));
    return code;
  }

  private String run() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    assertEquals(0, InteractionsCommand.run(new String[] {"--lake=" + lake}, out, out));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private String events() {
    return "read_parquet('" + lake + "/events/**/*.parquet', hive_partitioning = true)";
  }

  private String interactionFiles() {
    return "read_parquet('" + lake + "/interactions/dt=*/*.parquet', hive_partitioning = true)";
  }

  private Map<String, String> table() throws Exception {
    Map<String, String> out = new TreeMap<>();
    DuckDb.query("SELECT CAST(dt AS VARCHAR), actor_id, repo_id, kind, events, epoch_us(first_at), "
        + "epoch_us(last_at) FROM " + interactionFiles(),
        rs -> out.put(rs.getString(1) + "/" + rs.getLong(2) + "/" + rs.getLong(3) + "/" + rs.getString(4),
            rs.getLong(5) + " " + rs.getLong(6) + " " + rs.getLong(7)));
    return out;
  }

  private List<Path> parquet() throws IOException {
    try (Stream<Path> files = Files.walk(lake.resolve("interactions"))) {
      return files.filter(p -> p.toString().endsWith(".parquet")).sorted().toList();
    }
  }

  private JsonNode manifest(String day) throws IOException {
    return JSON.readTree(lake.resolve("interactions/dt=" + day + "/_manifest.json").toFile());
  }
}
