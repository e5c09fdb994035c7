package dev.ghlake;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.ghlake.cli.CommandLine;
import dev.ghlake.run.DryRun;
import dev.ghlake.run.GhLakeOptions;
import dev.ghlake.testing.GhArchiveBigQuery;
import dev.ghlake.testing.RealData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** --dryRun with --source=bigquery: the plan first, then what BigQuery says it costs; nothing read. */
public class BigQueryDryRunTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  private String dryRun(String... args) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--output=" + tmp.newFolder("lake"));
    DryRun.print(CommandLine.options(all.toArray(new String[0])), null,
        new PrintStream(out, true, StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  public void theQueryPlanComesFirstThenBigQuerysDryRunOfThatSql() throws Exception {
    GhArchiveBigQuery.reset();
    GhArchiveBigQuery.load("20130215", RealData.root().resolve("bigquery-rows/2013-02-15-0.json.gz"));
    String printed = dryRun("--source=bigquery", "--bqMethod=query", "--project=test-project", "--tempLocation=gs://b/tmp",
        "--from=2013-02-15T08", "--latenessHours=0", "--types=PushEvent",
        "--bqServicesFactory=" + GhArchiveBigQuery.class.getName());

    assertTrue(printed, printed.contains("read        BigQuery plan, --bqMethod=query, window 2013-02-15T08"));
    assertTrue(printed, printed.contains("AND type IN ('PushEvent')"));
    assertTrue(printed, printed.indexOf("SQL:") < printed.indexOf("scans "));
    assertTrue(printed, printed.contains("(BigQuery's dry run of the query, over 1 table(s)): about $"));
    assertEquals(1, GhArchiveBigQuery.dryRuns().size());
    assertTrue(GhArchiveBigQuery.dryRuns().get(0), printed.contains(
        GhArchiveBigQuery.dryRuns().get(0).replace("\n", "\n                  ")));
    assertEquals("a dry run runs nothing", List.of(), GhArchiveBigQuery.queries());
  }

  @Test
  public void offlineThePlanIsStillPrintedAndTheCostSaysWhyItIsMissing() throws Exception {
    String printed = dryRun("--source=bigquery", "--project=test-project", "--from=2024-07-01T08",
        "--bqServicesFactory=" + Unreachable.class.getName());
    assertTrue(printed, printed.contains("row restriction: created_at >= TIMESTAMP '2024-07-01 08:00:00+00'"));
    assertTrue(printed, printed.contains("(BigQuery could not be asked what the read costs: "));
    assertTrue(printed, printed.contains("no route to BigQuery"));
  }

  /** BigQuery services that cannot be reached, as on a machine offline. */
  public static class Unreachable implements dev.ghlake.source.bigquery.BigQueryServicesFactory {
    @Override
    public org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices create() {
      throw new IllegalStateException("no route to BigQuery");
    }
  }
}
