package dev.ghlake.training;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.ghlake.GhLake;
import dev.ghlake.InteractionsCommand;
import dev.ghlake.cli.CommandLine;
import dev.ghlake.run.GhLakeOptions;
import dev.ghlake.testing.DuckDb;
import dev.ghlake.testing.RealData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The training set of the real 2011 and 2012 hours' table, split at 2012-01-01: every pair and
 * weight against DuckDB's computation of the documented formula from the table itself.
 */
public class ExportTest {
  @ClassRule public static TemporaryFolder tmp = new TemporaryFolder();
  private static Path lake;
  private static Path export;
  private static String said;

  @BeforeClass
  public static void exportTheRealHours() throws Exception {
    lake = tmp.getRoot().toPath().resolve("lake");
    export = tmp.getRoot().toPath().resolve("export");
    for (String hour : List.of("2011-02-15-0", "2012-02-15-0")) {
      GhLake.run(CommandLine.options("--input=" + RealData.hours().resolve(hour + ".json.gz"),
          "--output=" + lake, "--progressSeconds=0"));
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    assertEquals(0, InteractionsCommand.run(new String[] {"--lake=" + lake, "--export=" + export,
        "--cutoff=2012-01-01", "--weights=push=2", "--stagingLocation=" + tmp.getRoot().toPath().resolve("staging")},
        out, out));
    said = bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  public void theFolderHoldsTheSetAndNothingElseAndTheStagingIsGone() throws Exception {
    try (Stream<Path> files = Files.list(export)) {
      assertEquals(List.of("evaluation.txt", "export.json", "ghlake.test.inter", "ghlake.train.inter", "items.csv",
          "test.csv", "test.parquet", "train.csv", "train.parquet", "users.csv"),
          files.map(p -> p.getFileName().toString()).sorted().toList());
    }
    try (Stream<Path> left = Files.list(tmp.getRoot().toPath().resolve("staging"))) {
      assertEquals("the runs' staging folders are removed", List.of(), left.toList());
    }
  }

  @Test
  public void everyPairAndWeightIsTheDocumentedFormulaOfTheTable() throws Exception {
    String table = "read_parquet('" + lake + "/interactions/dt=*/*.parquet', hive_partitioning = true)";
    // the formula in SQL: stars and forks once, at their first time; the rest by events; push weighted 2
    String weights = "(CASE kind WHEN 'star' THEN 0.25 WHEN 'fork' THEN 0.5 WHEN 'issue_opened' THEN 0.5 "
        + "WHEN 'issue_comment' THEN 0.25 WHEN 'pr_review_comment' THEN 0.5 WHEN 'discussion' THEN 0.25 "
        + "WHEN 'push' THEN 2.0 ELSE 1.0 END)";
    String cutoff = "epoch_us(TIMESTAMPTZ '2012-01-01 00:00:00+00')";
    String end = "epoch_us(TIMESTAMPTZ '2012-02-16 00:00:00+00')";
    String parts = "SELECT actor_id, repo_id, kind, min(epoch_us(first_at)) AS t0, max(epoch_us(last_at)) AS t1, "
        + "1 AS n FROM " + table + " WHERE NOT bot AND kind IN ('star', 'fork') GROUP BY ALL "
        + "UNION ALL SELECT actor_id, repo_id, kind, epoch_us(first_at), epoch_us(last_at), events FROM " + table
        + " WHERE NOT bot AND kind NOT IN ('star', 'fork')";
    String expected = "SELECT actor_id, repo_id, t0 >= " + cutoff + " AS test, "
        + "ln(1 + sum(" + weights + " * n * pow(2, -(CASE WHEN t0 >= " + cutoff + " THEN " + end + " ELSE " + cutoff
        + " END - CASE WHEN kind IN ('star', 'fork') THEN t0 ELSE t1 END) / 86400e6 / 180))) AS w "
        + "FROM (" + parts + ") GROUP BY ALL";
    Map<String, Double> want = new TreeMap<>();
    DuckDb.query("SELECT e.* FROM (" + expected + ") e WHERE NOT e.test OR NOT EXISTS (SELECT 1 FROM (" + expected
        + ") t WHERE NOT t.test AND t.actor_id = e.actor_id AND t.repo_id = e.repo_id)",
        rs -> want.put((rs.getBoolean(3) ? "test " : "train ") + rs.getLong(1) + "/" + rs.getLong(2),
            rs.getDouble(4)));
    Map<String, Double> got = new TreeMap<>();
    for (String split : List.of("train", "test")) {
      DuckDb.query("SELECT u.actor_id, i.repo_id, p.weight FROM read_csv('" + export.resolve(split + ".csv")
          + "') p JOIN read_csv('" + export.resolve("users.csv") + "') u USING (\"user\") JOIN read_csv('"
          + export.resolve("items.csv") + "') i USING (item)",
          rs -> got.put(split + " " + rs.getLong(1) + "/" + rs.getLong(2), rs.getDouble(3)));
    }
    assertTrue(want.size() > 2_000);
    assertEquals(want.keySet(), got.keySet());
    String diff = differences(want, got);
    assertTrue(diff, diff.startsWith("0 differences"));
  }

  /** The first few differences, to read instead of two maps of thousands. */
  static String differences(Map<String, Double> want, Map<String, Double> got) {
    TreeMap<String, String> diff = new TreeMap<>();
    want.forEach((k, v) -> { // the CSV holds six decimals
      if (got.get(k) == null || Math.abs(v - got.get(k)) > 1e-6) {
        diff.put(k, "want " + v + ", got " + got.get(k));
      }
    });
    got.keySet().stream().filter(k -> !want.containsKey(k)).forEach(k -> diff.put(k, "not wanted: " + got.get(k)));
    return diff.size() + " differences, first: " + diff.entrySet().stream().limit(8).toList();
  }

  @Test
  public void aCutoffThatLeavesASplitEmptyIsRefusedBeforeAnythingIsWritten() {
    for (String cutoff : List.of("2011-02-15", "2012-02-16", "2030-01-01")) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
      Path elsewhere = tmp.getRoot().toPath().resolve("refused-" + cutoff);
      assertEquals(2, InteractionsCommand.run(new String[] {"--lake=" + lake, "--export=" + elsewhere,
          "--cutoff=" + cutoff}, out, out));
      assertTrue(bytes.toString(StandardCharsets.UTF_8), bytes.toString(StandardCharsets.UTF_8).contains("leaves a split empty"));
      assertTrue(!Files.exists(elsewhere));
    }
  }

  @Test
  public void theIndexMapsAreDenseAndTheThreeShapesHoldTheSamePairs() throws Exception {
    for (String map : List.of("users", "items")) {
      String csv = "read_csv('" + export.resolve(map + ".csv") + "')";
      String index = map.equals("users") ? "\"user\"" : "item";
      String id = map.equals("users") ? "actor_id" : "repo_id";
      long n = DuckDb.count("SELECT count(*) FROM " + csv);
      assertEquals(n, DuckDb.count("SELECT count(DISTINCT " + index + ") FROM " + csv));
      assertEquals(n - 1, DuckDb.count("SELECT max(" + index + ") FROM " + csv));
      assertEquals(0, DuckDb.count("SELECT min(" + index + ") FROM " + csv));
      // ids in ascending order of index: the index is the id's rank
      assertEquals(0, DuckDb.count("SELECT count(*) FROM (SELECT " + id + ", lag(" + id + ") OVER (ORDER BY "
          + index + ") AS before FROM " + csv + ") WHERE before >= " + id));
    }
    for (String split : List.of("train", "test")) {
      long csv = DuckDb.count("SELECT count(*) FROM read_csv('" + export.resolve(split + ".csv") + "')");
      assertEquals(csv, DuckDb.count("SELECT count(*) FROM read_parquet('" + export.resolve(split + ".parquet") + "')"));
      List<String> inter = Files.readAllLines(export.resolve("ghlake." + split + ".inter"));
      assertEquals("user_id:token\titem_id:token\trating:float\ttimestamp:float", inter.get(0));
      assertEquals(csv, inter.size() - 1);
    }
    assertTrue(said, said.contains("recall@10"));
    assertTrue(Files.readString(export.resolve("evaluation.txt")).contains("item co-occurrence"));
  }
}
