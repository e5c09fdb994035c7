package dev.ghlake.source.bigquery;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.ghlake.GhLake;
import dev.ghlake.cli.CommandLine;
import dev.ghlake.run.GhLakeOptions;
import dev.ghlake.source.synthetic.SyntheticPlan;
import dev.ghlake.summary.RunSummary;
import dev.ghlake.testing.DuckDb;
import dev.ghlake.testing.GhArchiveBigQuery;
import dev.ghlake.testing.RealData;
import dev.ghlake.testing.SyntheticBigQueryRows;
import dev.ghlake.testing.TestArchives;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * --source=bigquery with the Storage Read API against Beam's BigQuery fakes holding GH Archive's
 * real rows: the same lake as the same window read from the archive files.
 */
public class BigQuerySourceTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  /** Empty fake tables, then githubarchive:day.20130215 with GH Archive's real rows; their count. */
  private static int freshTablesWithTheReal2013Hour() throws Exception {
    GhArchiveBigQuery.reset();
    return GhArchiveBigQuery.load("20130215", RealData.root().resolve("bigquery-rows/2013-02-15-0.json.gz"));
  }

  private RunSummary run(String... args) {
    return GhLake.run(CommandLine.options(args));
  }

  @Test
  public void aWindowFromBigQueryEqualsTheSameWindowFromTheFiles() throws Exception {
    int rows = freshTablesWithTheReal2013Hour();
    String fromBq = tmp.newFolder("bq").getPath();
    String fromFiles = tmp.newFolder("files").getPath();
    String[] window = {"--from=2013-02-15T08", "--to=2013-02-15T10", "--latenessHours=0", "--progressSeconds=0"};

    RunSummary bq = run(concat(window, "--source=bigquery", "--project=test-project",
        "--bqServicesFactory=" + GhArchiveBigQuery.class.getName(), "--output=" + fromBq));
    RunSummary files = run(concat(window, "--input=" + RealData.hours(), "--output=" + fromFiles));

    assertEquals(RunSummary.Status.success, bq.status());
    assertTrue(bq.identityHolds());
    assertEquals(rows, bq.read());
    assertEquals(files.written(), bq.written());
    assertEquals(countsByType(fromFiles), countsByType(fromBq));
    assertEquals(List.of("projects/githubarchive/datasets/day/tables/20130215 fields="
        + BigQueryPlan.COLUMNS + " restriction=created_at >= TIMESTAMP '2013-02-15 08:00:00+00' "
        + "AND created_at < TIMESTAMP '2013-02-15 10:00:00+00'"), GhArchiveBigQuery.sessionRequests());
  }

  @Test
  public void aReadOverTheBudgetIsRefusedBeforeAnythingIsRead() throws Exception {
    int rows = freshTablesWithTheReal2013Hour();
    String[] args = {"--source=bigquery", "--project=test-project", "--from=2013-02-15T08",
        "--latenessHours=0", "--bqServicesFactory=" + GhArchiveBigQuery.class.getName()};
    BigQueryCost cost = BigQueryCost.of(BigQueryPlan.of(CommandLine.options(args)), CommandLine.options(args));
    assertEquals(1_000_000L, cost.bytes()); // the fake table's size
    assertTrue(cost.describe(), cost.describe().contains(String.format("(%,d rows) from 1 table(s)", rows)));

    String out = tmp.newFolder("refused").getPath();
    RunSummary refused = run(concat(args, "--maxBytesBilled=500000", "--output=" + out, "--progressSeconds=0"));
    assertEquals(RunSummary.Status.failed, refused.status());
    assertEquals(0, refused.read());
    assertTrue(refused.failures().toString(), refused.failures().get(0).contains("over --maxBytesBilled=500000"));
    assertTrue("nothing written", !java.nio.file.Files.exists(java.nio.file.Path.of(out, "events")));
    assertTrue("nothing read", GhArchiveBigQuery.sessionRequests().isEmpty());
  }

  @Test
  public void theQueryMethodFiltersInSqlAndGivesTheSameLakeAsTheFiles() throws Exception {
    int rows = freshTablesWithTheReal2013Hour();
    String fromBq = tmp.newFolder("bq").getPath();
    String fromFiles = tmp.newFolder("files").getPath();
    String[] filters = {"--from=2013-02-15T08", "--to=2013-02-15T10", "--latenessHours=0",
        "--progressSeconds=0", "--types=PushEvent,WatchEvent,CreateEvent", "--excludeBots=true",
        "--repos=*/*_*,rails/*", "--orgs=*a*"};

    String[] bqArgs = concat(filters, "--source=bigquery", "--bqMethod=query", "--project=test-project",
        "--tempLocation=" + tmp.newFolder("temp").getPath(),
        "--bqServicesFactory=" + GhArchiveBigQuery.class.getName(), "--output=" + fromBq);
    RunSummary bq = run(bqArgs);
    RunSummary files = run(concat(filters, "--input=" + RealData.hours(), "--output=" + fromFiles));

    assertEquals(bq.failures().toString(), RunSummary.Status.success, bq.status());
    assertTrue(bq.identityHolds());
    assertTrue("the filters ran in SQL: " + bq.read() + " of " + rows + " rows read",
        bq.read() > 0 && bq.read() < rows / 4);
    assertEquals(files.written(), bq.written());
    assertEquals(countsByType(fromFiles), countsByType(fromBq));
    String sql = BigQueryPlan.of(CommandLine.options(bqArgs)).sql();
    assertEquals("BigQuery ran exactly the plan's SQL", List.of(sql), GhArchiveBigQuery.queries());
    assertTrue("the cost was asked by a dry run of the same SQL first", GhArchiveBigQuery.dryRuns().contains(sql));
    assertEquals("the query method reads no table directly", List.of(), GhArchiveBigQuery.sessionRequests());
  }

  @Test
  public void aQueryOverTheBudgetIsRefusedByItsDryRunBeforeItRuns() throws Exception {
    freshTablesWithTheReal2013Hour();
    GhArchiveBigQuery.load("20130216", RealData.root().resolve("bigquery-rows/2014-02-15-0.json.gz"));
    String[] args = {"--source=bigquery", "--bqMethod=query", "--project=test-project",
        "--from=2013-02-15T08", "--latenessHours=0", "--tempLocation=" + tmp.newFolder("temp").getPath(),
        "--bqServicesFactory=" + GhArchiveBigQuery.class.getName()};
    GhLakeOptions options = CommandLine.options(args);
    BigQueryCost cost = BigQueryCost.of(BigQueryPlan.of(options), options);
    // the dry run prices only the day the suffix range keeps, and only the selected columns
    long selected = GhArchiveBigQuery.columnBytesOf("githubarchive.day.20130215", BigQueryPlan.COLUMNS);
    assertEquals(selected, cost.bytes());
    assertTrue(cost.describe(), cost.describe().contains(String.format("scans %,d bytes (BigQuery's dry run", selected)));
    assertTrue(cost.describe(), cost.describe().contains("at $6.25/TiB"));

    String out = tmp.newFolder("refused").getPath();
    RunSummary refused = run(concat(args, "--maxBytesBilled=" + (selected - 1), "--output=" + out, "--progressSeconds=0"));
    assertEquals(RunSummary.Status.failed, refused.status());
    assertTrue(refused.failures().toString(), refused.failures().get(0).contains("over --maxBytesBilled="));
    assertEquals("no query ran", List.of(), GhArchiveBigQuery.queries());
    assertTrue("nothing written", !java.nio.file.Files.exists(java.nio.file.Path.of(out, "events")));
  }

  @Test
  public void monthTablesAreReadByBothMethodsWithTheTypesPushedDown() throws Exception {
    GhArchiveBigQuery.reset();
    int rows = GhArchiveBigQuery.load("month", "201302", RealData.root().resolve("bigquery-rows/2013-02-15-0.json.gz"));
    String[] window = {"--from=2013-02-15T08", "--to=2013-02-15T09", "--latenessHours=0",
        "--progressSeconds=0", "--source=bigquery", "--bqTablePeriod=month", "--project=test-project",
        "--types=PushEvent,CreateEvent",
        "--bqServicesFactory=" + GhArchiveBigQuery.class.getName()};
    RunSummary direct = run(concat(window, "--output=" + tmp.newFolder("direct").getPath()));
    RunSummary query = run(concat(window, "--bqMethod=query", "--output=" + tmp.newFolder("query").getPath(),
        "--tempLocation=" + tmp.newFolder("temp").getPath()));
    assertEquals(direct.failures().toString(), RunSummary.Status.success, direct.status());
    assertEquals(query.failures().toString(), RunSummary.Status.success, query.status());
    assertTrue(direct.written() > 1000);
    assertEquals("the direct read's fake does not restrict rows (the exact filters after it do)",
        rows, direct.read());
    assertEquals(direct.written(), query.written());
    assertTrue(GhArchiveBigQuery.queries().get(0), GhArchiveBigQuery.queries().get(0)
        .contains("FROM `githubarchive.month.*`\nWHERE _TABLE_SUFFIX BETWEEN '201302' AND '201302'"));
    assertTrue(GhArchiveBigQuery.sessionRequests().get(0),
        GhArchiveBigQuery.sessionRequests().get(0).startsWith("projects/githubarchive/datasets/month/tables/201302 "));
    assertTrue(GhArchiveBigQuery.sessionRequests().get(0),
        GhArchiveBigQuery.sessionRequests().get(0).endsWith("AND type IN ('PushEvent', 'CreateEvent')"));
    assertTrue(GhArchiveBigQuery.queries().get(0),
        GhArchiveBigQuery.queries().get(0).contains("AND type IN ('PushEvent', 'CreateEvent')"));
    assertEquals("the query read only what its SQL kept", query.written(), query.read());
  }

  @Test
  public void syntheticRowsGiveTheFilesLakeByBothMethodsWithoutTheSharedData() throws Exception {
    Path archive = tmp.newFolder("archive").toPath();
    TestArchives.write(archive, new SyntheticPlan(6_000, 3, "2024-07-01T00"), 5);
    GhArchiveBigQuery.reset();
    int rows = GhArchiveBigQuery.load("20240701",
        SyntheticBigQueryRows.write(archive, tmp.getRoot().toPath().resolve("rows.json.gz")));
    String[] window = {"--from=2024-07-01T00", "--to=2024-07-01T03", "--latenessHours=0",
        "--progressSeconds=0", "--types=PushEvent,IssueCommentEvent,PullRequestEvent"};
    String files = tmp.newFolder("synthetic-files").getPath();
    RunSummary fromFiles = run(concat(window, "--input=" + archive, "--output=" + files));
    assertEquals(rows, fromFiles.read());

    for (String method : List.of("direct", "query")) {
      String out = tmp.newFolder("synthetic-" + method).getPath();
      RunSummary bq = run(concat(window, "--source=bigquery", "--bqMethod=" + method,
          "--project=test-project", "--tempLocation=" + tmp.newFolder("temp-" + method).getPath(),
          "--bqServicesFactory=" + GhArchiveBigQuery.class.getName(), "--output=" + out));
      assertEquals(method + ": " + bq.failures(), RunSummary.Status.success, bq.status());
      assertTrue(method, bq.identityHolds());
      assertEquals(method, fromFiles.written(), bq.written());
      assertEquals(method, countsByType(files), countsByType(out));
    }
  }

  private static Map<String, Long> countsByType(String lake) throws Exception {
    Map<String, Long> out = new TreeMap<>();
    DuckDb.query("SELECT hour || '/' || type, count(*), count(DISTINCT event_id) FROM read_parquet('" + lake
        + "/events/**/*.parquet', hive_partitioning=true) GROUP BY 1",
        r -> out.put(r.getString(1), r.getLong(2) * 1_000_000 + r.getLong(3)));
    return out;
  }

  private static String[] concat(String[] a, String... b) {
    return java.util.stream.Stream.concat(java.util.Arrays.stream(a), java.util.Arrays.stream(b)).toArray(String[]::new);
  }
}
