package dev.ghlake;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ghlake.cli.CommandLine;
import dev.ghlake.run.GhLakeOptions;
import dev.ghlake.source.synthetic.SyntheticPlan;
import dev.ghlake.summary.RunSummary;
import dev.ghlake.table.TablePlan;
import dev.ghlake.testing.DuckDb;
import dev.ghlake.testing.GhArchiveBigQuery;
import dev.ghlake.testing.LakeBytes;
import dev.ghlake.testing.RealData;
import dev.ghlake.testing.TestArchives;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The pipeline on Flink (the FlinkRunner's local cluster, parallelism 2): a synthetic archive, the
 * real hours from the files, and a real hour from BigQuery by both methods give the lakes the
 * DirectRunner gives: byte-identical Parquet files, the same manifests' rows and counts.
 */
public class FlinkRunnerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] FLINK = {"--runner=FlinkRunner", "--flinkMaster=[local]",
      "--parallelism=2", "--progressSeconds=0"};
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  /** Flink's client is refused on Java 24 and later (RunPlanner.checkRunner, HADOOP-19212). */
  @BeforeClass
  public static void flinkRunsOnThisJava() {
    assumeTrue("the Flink runner needs Java 23 or older (HADOOP-19212)", TablePlan.hadoopRunsOn(Runtime.version().feature()));
  }

  private static RunSummary run(String... args) {
    return GhLake.run(CommandLine.options(
        Stream.concat(Stream.of(args), Stream.of(FLINK)).toArray(String[]::new)));
  }

  private static RunSummary runDirect(String... args) {
    String[] all = Stream.concat(Stream.of(args), Stream.of("--progressSeconds=0")).toArray(String[]::new);
    return GhLake.run(CommandLine.options(all));
  }

  @Test
  public void theRealHoursGiveTheSameLakeOnFlinkAsOnTheDirectRunner() throws Exception {
    String flink = tmp.newFolder("flink").getPath();
    String direct = tmp.newFolder("direct").getPath();
    String input = "--input=" + RealData.hours() + "/*.json.gz";

    RunSummary onFlink = run(input, "--output=" + flink);
    RunSummary onDirect = runDirect(input, "--output=" + direct);

    // a glob, not a window: some partitions are first loads of hours not read, so incomplete
    assertEquals(onFlink.failures().toString(), RunSummary.Status.incomplete, onFlink.status());
    assertEquals(onDirect.status(), onFlink.status());
    assertTrue(onFlink.identityHolds());
    assertEquals(onDirect.read(), onFlink.read());
    assertEquals(onDirect.written(), onFlink.written());
    assertEquals(onDirect.partitions(), onFlink.partitions());
    assertEquals(onDirect.incompletePartitions(), onFlink.incompletePartitions());
    assertEquals(lake(direct), lake(flink));
    LakeBytes.assertSameLake(direct, flink);
  }

  @Test
  public void aSyntheticArchiveGivesTheSameLakeOnFlinkAsOnTheDirectRunner() throws Exception {
    // needs no shared data: Flink stays covered in a clone without ../shared
    Path archive = tmp.newFolder("archive").toPath();
    TestArchives.write(archive,
        new SyntheticPlan(20_000, 4, "2024-07-01T00"), 7);
    String flink = tmp.newFolder("synthetic-flink").getPath();
    String direct = tmp.newFolder("synthetic-direct").getPath();
    String[] window = {"--input=" + archive, "--from=2024-07-01T00", "--to=2024-07-01T03",
        "--latenessHours=1", "--excludeTypes=WatchEvent"};

    RunSummary onFlink = run(concat(window, "--output=" + flink));
    RunSummary onDirect = runDirect(concat(window, "--output=" + direct));

    assertEquals(onFlink.failures().toString(), RunSummary.Status.success, onFlink.status());
    assertTrue(onFlink.identityHolds());
    assertEquals(onDirect.read(), onFlink.read());
    assertEquals(onDirect.filtered(), onFlink.filtered());
    assertEquals(onDirect.outsideWindow(), onFlink.outsideWindow());
    assertEquals(onDirect.duplicates(), onFlink.duplicates());
    assertEquals(lake(direct), lake(flink));
    LakeBytes.assertSameLake(direct, flink);
  }

  /**
   * A day partition on Flink: its profile counts by hour and measure were some 15,000 values of
   * one CoGroupByKey key, past the 10,000 after which a CoGbkResult reads its input again, which
   * Flink's batch GroupByKey refuses ("GBK result is not re-iterable"). They are summed per
   * partition and measure first; the day commits, and its profile is the DirectRunner's.
   */
  @Test
  public void aDayPartitionCommitsOnFlinkWithItsProfile() throws Exception {
    Path archive = tmp.newFolder("day-archive").toPath();
    TestArchives.write(archive, new SyntheticPlan(48_000, 24, "2024-07-01T00"), 9);
    String flink = tmp.newFolder("day-flink").getPath();
    String direct = tmp.newFolder("day-direct").getPath();
    String[] day = {"--input=" + archive, "--from=2024-07-01", "--latenessHours=0", "--partitionBy=day"};

    RunSummary onFlink = run(concat(day, "--output=" + flink));
    RunSummary onDirect = runDirect(concat(day, "--output=" + direct));

    assertEquals(onFlink.failures().toString(), onDirect.status(), onFlink.status());
    assertEquals(List.of("dt=2024-07-01"), onFlink.partitions());
    assertEquals(onDirect.written(), onFlink.written());
    JsonNode fromFlink = JSON.readTree(Path.of(flink, "events/dt=2024-07-01/_manifest.json").toFile());
    JsonNode fromDirect = JSON.readTree(Path.of(direct, "events/dt=2024-07-01/_manifest.json").toFile());
    assertTrue(fromFlink.path("profile").size() > 0);
    assertEquals(fromDirect.path("profile"), fromFlink.path("profile"));
  }

  @Test
  public void bigQueryByBothMethodsOnFlinkGivesTheLakeOfTheFiles() throws Exception {
    GhArchiveBigQuery.reset();
    GhArchiveBigQuery.load("20130215", RealData.root().resolve("bigquery-rows/2013-02-15-0.json.gz"));
    String[] window = {"--from=2013-02-15T08", "--to=2013-02-15T09", "--latenessHours=0"};
    String files = tmp.newFolder("files").getPath();
    runDirect(concat(window, "--input=" + RealData.hours() + "/2013-02-15-0.json.gz", "--output=" + files));

    for (String method : new String[] {"direct", "query"}) {
      String out = tmp.newFolder(method).getPath();
      RunSummary bq = run(concat(window, "--source=bigquery", "--bqMethod=" + method,
          "--project=test-project", "--tempLocation=" + tmp.newFolder("temp-" + method).getPath(),
          "--bqServicesFactory=" + GhArchiveBigQuery.class.getName(), "--output=" + out));
      assertEquals(method + ": " + bq.failures(), RunSummary.Status.success, bq.status());
      assertTrue(method, bq.identityHolds());
      assertEquals(method, lake(files), lake(out));
    }
  }

  /** hour/type → events and distinct ids, read back with DuckDB. */
  private static Map<String, Long> lake(String lake) throws Exception {
    Map<String, Long> out = new TreeMap<>();
    DuckDb.query("SELECT CAST(dt AS VARCHAR) || '/' || hour || '/' || type, count(*), count(DISTINCT event_id) "
        + "FROM read_parquet('" + lake + "/events/**/*.parquet', hive_partitioning=true) GROUP BY 1",
        r -> out.put(r.getString(1), r.getLong(2) * 1_000_000 + r.getLong(3)));
    assertTrue(lake + " is empty", !out.isEmpty());
    return out;
  }

  private static String[] concat(String[] a, String... b) {
    return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
  }
}
