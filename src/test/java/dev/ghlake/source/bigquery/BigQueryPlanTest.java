package dev.ghlake.source.bigquery;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.ghlake.cli.CommandLine;
import dev.ghlake.run.GhLakeOptions;
import java.util.List;
import org.junit.Test;

public class BigQueryPlanTest {
  private static BigQueryPlan plan(String... args) {
    return BigQueryPlan.of(CommandLine.options(args));
  }

  @Test
  public void tablesCoverTheWindowItsLatenessAndPacificNames() {
    assertEquals(List.of("githubarchive.day.20240701"),
        plan("--from=2024-07-01T00", "--to=2024-07-01T12").tables());
    // a late evening window reaches into the next day's table through --latenessHours=6
    assertEquals(List.of("githubarchive.day.20240701", "githubarchive.day.20240702"),
        plan("--from=2024-07-01T20", "--to=2024-07-02T00").tables());
    // before 2015 the tables follow Pacific names: UTC 02:00 is the previous day there
    assertEquals(List.of("githubarchive.day.20130214", "githubarchive.day.20130215"),
        plan("--from=2013-02-15T02", "--to=2013-02-15T04", "--latenessHours=0").tables());
  }

  @Test
  public void monthAndYearTablesAreReadWhereAskedOneTableEach() {
    assertEquals(List.of("githubarchive.month.202406", "githubarchive.month.202407"),
        plan("--from=2024-06-30T12", "--to=2024-07-02T00", "--bqTablePeriod=month").tables());
    BigQueryPlan years = plan("--from=2014-12-31T20", "--to=2015-01-01T02", "--latenessHours=0",
        "--bqTablePeriod=year", "--bqMethod=query");
    assertEquals(List.of("githubarchive.year.2014", "githubarchive.year.2015"), years.tables());
    assertTrue(years.sql(), years.sql().contains(
        "FROM `githubarchive.year.*`\nWHERE _TABLE_SUFFIX BETWEEN '2014' AND '2015'\n"));
    assertEquals(List.of("my-project.gha_copy.20240701"),
        plan("--from=2024-07-01T00", "--to=2024-07-01T12", "--bqDataset=my-project.gha_copy").tables());
  }

  @Test
  public void eachMethodSaysWhatItNeedsBeforeAnythingRuns() {
    assertTrue(unreadable("--bqMethod=query"), unreadable("--bqMethod=query").contains("needs --project"));
    assertTrue(unreadable("--bqMethod=query", "--project=p"), unreadable("--bqMethod=query", "--project=p")
        .contains("--bqMethod=query exports its result through --tempLocation"));
    assertEquals("the direct read needs no bucket", null, unreadable("--project=p"));
  }

  /** Why the options cannot be read from BigQuery, or null. */
  private static String unreadable(String... args) {
    GhLakeOptions options = CommandLine.options(args);
    options.setSource(dev.ghlake.source.SourceOptions.SourceKind.bigquery);
    options.setFrom("2024-07-01");
    try {
      BigQueryPlan.of(options).checkReadable(options);
      return null;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  @Test
  public void theQueryPushesDownTheWindowTypesReposAndBotsAndOnlyReadsWhatIsNeeded() {
    String sql = plan("--from=2024-07-01", "--bqMethod=query", "--types=PushEvent,WatchEvent",
        "--excludeTypes=GollumEvent", "--repos=apache/*,My_Org/b?am", "--excludeBots=true",
        "--orgs=apache").sql();
    assertTrue(sql, sql.startsWith("SELECT id, type, public, payload, repo, actor, org, created_at, "
        + "_TABLE_SUFFIX AS source_table\n"
        + "FROM `githubarchive.day.*`\nWHERE _TABLE_SUFFIX BETWEEN '20240701' AND '20240702'\n"));
    assertTrue(sql, sql.contains("AND created_at >= TIMESTAMP '2024-07-01 00:00:00+00'\n"
        + "  AND created_at < TIMESTAMP '2024-07-02 00:00:00+00'"));
    assertTrue(sql, sql.contains("AND type IN ('PushEvent', 'WatchEvent')"));
    assertTrue(sql, sql.contains("AND type NOT IN ('GollumEvent')"));
    assertTrue(sql, sql.contains(
        "AND (LOWER(repo.url) LIKE '%/apache/%' OR LOWER(repo.url) LIKE '%/my\\\\_org/b_am')"));
    assertTrue(sql, sql.contains("AND (actor.login IS NULL OR NOT ENDS_WITH(actor.login, '[bot]'))"));
    assertTrue(sql, sql.contains(
        "AND (LOWER(org.login) LIKE 'apache' OR LOWER(repo.url) LIKE '%/apache/%')"));
  }

  @Test
  public void noOptionValueCanChangeTheQuery() {
    String sql = plan("--from=2024-07-01", "--types=x') OR TRUE --").sql();
    assertTrue(sql, sql.contains("type IN ('x\\') OR TRUE --')"));
  }

  @Test
  public void theDirectReadRestrictsRowsByTimeAndTypeAndSaysWhatComesAfter() {
    BigQueryPlan p = plan("--from=2024-07-01T08", "--types=PushEvent", "--repos=apache/*", "--orgs=apache");
    assertEquals("created_at >= TIMESTAMP '2024-07-01 08:00:00+00' AND "
        + "created_at < TIMESTAMP '2024-07-01 09:00:00+00' AND type IN ('PushEvent')", p.rowRestriction());
    String described = p.describe();
    assertTrue(described, described.contains("selected fields: id, type, public, payload, repo, actor, org, created_at"));
    assertTrue(described, described.contains("applied after the read: --repos/--orgs/--excludeBots"));
    assertFalse(described, described.contains("SQL"));
  }

  @Test
  public void aWindowIsRequired() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> plan("--source=bigquery"))
        .getMessage().contains("--source=bigquery needs --from/--to"));
  }
}
