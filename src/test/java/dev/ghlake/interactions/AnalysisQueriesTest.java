package dev.ghlake.interactions;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ghlake.GhLake;
import dev.ghlake.InteractionsCommand;
import dev.ghlake.cli.CommandLine;
import dev.ghlake.run.GhLakeOptions;
import dev.ghlake.testing.DuckDb;
import dev.ghlake.testing.RealData;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The queries of docs/analysis.md, run as the page has them on a lake of the real 2011 and 2012
 * hours, and their answers checked against the raw hour files, counted here with Jackson.
 */
public class AnalysisQueriesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @ClassRule public static TemporaryFolder tmp = new TemporaryFolder();
  private static Path lake;
  private static Map<String, String> queries;

  @BeforeClass
  public static void buildTheLakeAndReadThePage() throws IOException {
    lake = tmp.getRoot().toPath().resolve("lake");
    for (String hour : List.of("2011-02-15-0", "2012-02-15-0")) {
      GhLake.run(CommandLine.options("--input=" + RealData.hours().resolve(hour + ".json.gz"),
          "--output=" + lake, "--progressSeconds=0"));
    }
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    assertEquals(0, InteractionsCommand.run(new String[] {"--lake=" + lake}, quiet, quiet));
    queries = new LinkedHashMap<>();
    Matcher m = Pattern.compile("```sql\\n-- query: (\\S+)\\n(.*?)```", Pattern.DOTALL)
        .matcher(Files.readString(Path.of("docs/analysis.md")));
    while (m.find()) {
      queries.put(m.group(1), m.group(2));
    }
    assertEquals(List.of("stars-per-week", "new-contributors", "bot-share"), List.copyOf(queries.keySet()));
  }

  @Test
  public void starsPerWeekCountEachPersonOnce() throws Exception {
    Set<Long> starred = new HashSet<>();
    raw("2012-02-15-0", e -> {
      if (e.path("type").asText().equals("WatchEvent") && e.path("repo").path("name").asText().equals("maccman/ace")) {
        starred.add(e.path("actor").path("id").asLong());
      }
    });
    Map<String, Long> weeks = new TreeMap<>();
    DuckDb.query(query("stars-per-week", Map.of("repo", "maccman/ace")),
        rs -> weeks.put(rs.getString(1).substring(0, 10), rs.getLong(2)));
    assertTrue(starred.size() > 20);
    assertEquals(Map.of("2012-02-13", (long) starred.size()), weeks);
  }

  @Test
  public void newContributorsAreThoseNotSeenBeforeTheDay() throws Exception {
    Map<Long, String> before = new TreeMap<>();
    Map<Long, Long> events = new TreeMap<>();
    Map<Long, String> logins = new TreeMap<>();
    raw("2011-02-15-0", e -> {
      if (contributes(e, "mozilla")) {
        before.put(e.path("actor").path("id").asLong(), "");
      }
    });
    raw("2012-02-15-0", e -> {
      if (contributes(e, "mozilla")) {
        events.merge(e.path("actor").path("id").asLong(), 1L, Long::sum);
        logins.put(e.path("actor").path("id").asLong(), e.path("actor").path("login").asText());
      }
    });
    Map<String, Long> want = new TreeMap<>();
    events.forEach((id, n) -> {
      if (!before.containsKey(id)) {
        want.put(logins.get(id), n);
      }
    });
    Map<String, Long> got = new TreeMap<>();
    DuckDb.query(query("new-contributors", Map.of("org", "mozilla", "since", "2012-01-01")),
        rs -> got.put(rs.getString(1), rs.getLong(2)));
    assertTrue(want.size() >= 10);
    assertEquals(want, got);
  }

  @Test
  public void theBotShareIsTheFlaggedAccountsShareOfEachKind() throws Exception {
    String events = "read_parquet('" + lake + "/events/**/*.parquet', hive_partitioning = true)";
    String kinds = "SELECT *, " + InteractionsTableTest.KIND_SQL + " AS kind FROM " + events
        + " WHERE actor_id IS NOT NULL AND repo_id IS NOT NULL";
    Map<String, String> want = new TreeMap<>();
    DuckDb.query("SELECT kind, count(*), count(*) FILTER (WHERE actor_login = 'cookbooks-bot') FROM (" + kinds
        + ") WHERE kind IS NOT NULL GROUP BY kind", rs -> want.put(rs.getString(1), rs.getLong(2) + " " + rs.getLong(3)));
    Map<String, String> got = new TreeMap<>();
    DuckDb.query(query("bot-share", Map.of()), rs -> got.put(rs.getString(1), rs.getLong(2) + " " + rs.getLong(3)));
    assertEquals(want, got);
    assertTrue(got.values().stream().anyMatch(v -> !v.endsWith(" 0")));
  }

  /** A 2012 event that makes its actor a contributor to the owner's repositories. */
  private static boolean contributes(JsonNode e, String owner) {
    String repo = e.path("repo").path("name").asText();
    if (!repo.toLowerCase().startsWith(owner + "/")) {
      return false;
    }
    String action = e.path("payload").path("action").asText(null);
    return switch (e.path("type").asText()) {
      case "PushEvent", "PullRequestReviewEvent" -> true;
      case "IssueCommentEvent", "PullRequestReviewCommentEvent" -> action == null || action.equals("created");
      case "IssuesEvent" -> "opened".equals(action);
      case "PullRequestEvent" -> "opened".equals(action)
          || ("closed".equals(action) && e.path("payload").path("pull_request").path("merged").asBoolean());
      default -> false;
    };
  }

  private static String query(String name, Map<String, String> values) {
    String sql = queries.get(name).replace("{lake}", lake.toString());
    for (Map.Entry<String, String> v : values.entrySet()) {
      sql = sql.replace("{" + v.getKey() + "}", v.getValue());
    }
    assertTrue(sql, !sql.contains("{"));
    return sql.strip().replaceAll(";$", "");
  }

  private static void raw(String hour, Consumer<JsonNode> each) throws IOException {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(
        Files.newInputStream(RealData.hours().resolve(hour + ".json.gz"))), StandardCharsets.UTF_8))) {
      List<String> lines = new ArrayList<>();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        lines.add(line);
      }
      for (String line : lines) {
        each.accept(JSON.readTree(line));
      }
    }
  }
}
