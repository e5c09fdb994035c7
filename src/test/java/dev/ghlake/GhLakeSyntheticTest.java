package dev.ghlake;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ghlake.cli.CommandLine;
import dev.ghlake.run.GhLakeOptions;
import dev.ghlake.source.synthetic.SyntheticEventGenerator;
import dev.ghlake.source.synthetic.SyntheticPlan;
import dev.ghlake.summary.RunSummary;
import dev.ghlake.testing.DuckDb;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The synthetic source end to end, with filters: every event accounted for, by reason. */
public class GhLakeSyntheticTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  private static GhLakeOptions options(String... args) {
    return CommandLine.options(args);
  }

  @Test
  public void filtersAndDuplicatesAreCountedAndTheRestWritten() throws Exception {
    int events = 12_000;
    // the expected outcome, from the generator's lines parsed here with plain Jackson
    SyntheticPlan plan = new SyntheticPlan(events, 2, "2024-07-01");
    SyntheticEventGenerator gen = new SyntheticEventGenerator(5);
    Set<String> seen = new HashSet<>();
    long bots = 0;
    long duplicates = 0;
    long kept = 0;
    for (int h = 0; h < 2; h++) {
      Instant hour = plan.hourStart(h).toInstant();
      for (long i = plan.firstOfHour(h); i < plan.firstOfHour(h + 1); i++) {
        JsonNode e = JSON.readTree(SyntheticPlan.line(gen, i, plan.firstOfHour(h), hour));
        if (e.at("/actor/login").asText().endsWith("[bot]")) {
          bots++;
        } else if (!seen.add(e.get("id").asText() + "@" + e.get("created_at").asText())) {
          duplicates++;
        } else {
          kept++;
        }
      }
    }
    assertTrue("the sample must contain duplicates to test anything", duplicates > 0);

    String out = tmp.getRoot().getPath();
    RunSummary s = GhLake.run(options("--source=synthetic", "--syntheticEvents=" + events,
        "--syntheticHours=2", "--syntheticSeed=5", "--excludeBots=true", "--output=" + out,
        "--targetRowsPerFile=1500", "--progressSeconds=0"));

    assertEquals(RunSummary.Status.success, s.status());
    assertEquals(events, s.read());
    assertEquals(bots, (long) s.filtered().get("bot"));
    assertEquals(duplicates, s.duplicates());
    assertEquals(kept, s.written());
    assertEquals(kept, DuckDb.count("SELECT count(*) FROM read_parquet('" + out
        + "/events/**/*.parquet', hive_partitioning=true)"));

    // about 5,500 rows an hour at 1,500 a file: 4 files an hour, none far from even
    String files = "SELECT filename, count(*) AS n FROM read_parquet('" + out
        + "/events/dt=2024-07-01/*/*.parquet', filename=true) GROUP BY filename";
    assertEquals(8, DuckDb.count("SELECT count(*) FROM (" + files + ")"));
    assertTrue(DuckDb.count("SELECT max(n) FROM (" + files + ")") < 1_700);
    assertTrue(DuckDb.count("SELECT min(n) FROM (" + files + ")") > 1_000);
  }

  @Test
  public void dayPartitionsWithSnappy() throws Exception {
    String out = tmp.getRoot().getPath();
    RunSummary s = GhLake.run(options("--source=synthetic", "--syntheticEvents=3000",
        "--syntheticHours=30", "--syntheticStart=2024-07-01T00", "--partitionBy=day",
        "--compression=snappy", "--output=" + out, "--progressSeconds=0"));
    assertEquals(RunSummary.Status.success, s.status());
    // 30 hours from midnight: 07-01 and 07-02 (and 06-30 if a late event falls before midnight)
    assertTrue(s.partitions().containsAll(java.util.List.of("dt=2024-07-01", "dt=2024-07-02")));
    assertTrue(s.partitions().stream().allMatch(p -> p.matches("dt=2024-0[67]-\\d\\d")));
    String files = "'" + out + "/events/*/*.parquet'";
    assertEquals(s.written(), DuckDb.count("SELECT count(*) FROM read_parquet(" + files + ")"));
    assertEquals(0, DuckDb.count("SELECT count(*) FROM parquet_metadata(" + files
        + ") WHERE compression <> 'SNAPPY'"));
  }

  @Test
  public void aThinPartitionIsFlaggedAgainstTheHoursBeforeIt() throws Exception {
    String out = tmp.getRoot().getPath();
    GhLake.run(options("--source=synthetic", "--syntheticEvents=8000", "--syntheticHours=8",
        "--syntheticStart=2024-07-01T00", "--output=" + out, "--progressSeconds=0"));
    RunSummary thin = GhLake.run(options("--source=synthetic", "--syntheticEvents=1000",
        "--syntheticHours=1", "--syntheticStart=2024-07-01T08", "--from=2024-07-01T08",
        "--types=WatchEvent", "--output=" + out, "--progressSeconds=0"));

    assertEquals(RunSummary.Status.success, thin.status()); // warnings, not failures
    assertTrue(thin.written() > 0);
    assertTrue(thin.warnings().toString(), thin.warnings().stream().anyMatch(
        w -> w.startsWith("dt=2024-07-01/hour=08 holds") && w.contains("under 50% of the median")));
    assertTrue(thin.warnings().toString(), thin.warnings().stream().anyMatch(
        w -> w.contains("event type mix shifted")));
    JsonNode manifest = JSON.readTree(java.nio.file.Path.of(out, "events", "dt=2024-07-01",
        "hour=08", "_manifest.json").toFile());
    assertEquals(2, manifest.get("warnings").size());
  }

  @Test
  public void badOptionsFailBeforeAnythingRunsSayingWhatToChange() {
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> GhLake.run(options("--source=synthetic"))).getMessage().contains("--output is required"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> GhLake.run(options("--output=" + tmp.getRoot(), "--input=/x/*.gz",
            "--from=2024-01-01T05", "--partitionBy=day")))
        .getMessage().contains("--partitionBy=day needs a window of whole days"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> GhLake.run(options("--output=" + tmp.getRoot(), "--source=synthetic",
            "--syntheticHours=0"))).getMessage().contains("--syntheticHours"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> GhLake.run(options("--output=" + tmp.getRoot(), "--source=synthetic",
            "--targetRowsPerFile=0"))).getMessage().contains("--targetRowsPerFile"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> GhLake.run(options("--output=" + tmp.getRoot(), "--slackWebhook=https://hooks.example/x")))
        .getMessage().contains("takes a secret reference"));
    assertTrue("refused runs leave nothing in the lake",
        !java.nio.file.Files.exists(tmp.getRoot().toPath().resolve("_runs")));
  }
}
