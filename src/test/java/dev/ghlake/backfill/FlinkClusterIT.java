package dev.ghlake.backfill;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ghlake.InteractionsCommand;
import dev.ghlake.cli.CommandLine;
import dev.ghlake.model.LakePaths;
import dev.ghlake.model.PartitionBy;
import dev.ghlake.run.GhLakeOptions;
import dev.ghlake.source.synthetic.SyntheticPlan;
import dev.ghlake.summary.BatchSummary;
import dev.ghlake.summary.BatchSummary.UnitStatus;
import dev.ghlake.table.Catalogs;
import dev.ghlake.table.EventTable;
import dev.ghlake.table.TablePlan;
import dev.ghlake.testing.DuckDb;
import dev.ghlake.testing.GlueServer;
import dev.ghlake.testing.LakeBytes;
import dev.ghlake.testing.RealData;
import dev.ghlake.testing.S3ProxyServer;
import dev.ghlake.testing.TestArchives;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code ghlake backfill} on a real standalone Flink 1.19 cluster on 127.0.0.1, started by
 * scripts/flink-cluster from Maven Central's jars, the job staging only the runnable jar: the
 * lake equals the DirectRunner's byte for byte (pages; see {@link LakeBytes}), and a backfill
 * whose TaskManager is killed mid-job fails that job, then completes when run again.
 */
public class FlinkClusterIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path BASE = Path.of(System.getProperty("ghlake.basedir", "."));
  private static final Path JAR = Path.of(System.getProperty("ghlake.jar", "target/ghlake-0.1.0-SNAPSHOT-bundled.jar"));
  @ClassRule public static TemporaryFolder tmp = new TemporaryFolder();
  private static Week madeWeek;
  private static Path clusterDir;
  private static String master;
  private static GlueServer glue;

  @BeforeClass
  public static void startCluster() throws Exception {
    glue = new GlueServer();
    assertTrue("the runnable jar is built by `package`: " + JAR, Files.isRegularFile(JAR));
    clusterDir = BASE.resolve("target/flink-cluster-it");
    int rpc = freePorts(4);
    int rest = freePorts(1);
    String out = cluster("start", "--rest-port=" + rest, "--rpc-port=" + rpc, "--slots=2", "--tm-memory=2g");
    assertTrue(out, out.contains("--flinkMaster=127.0.0.1:" + rest));
    master = "127.0.0.1:" + rest;
  }

  @AfterClass
  public static void stopCluster() throws Exception {
    if (clusterDir != null) {
      cluster("stop");
    }
    if (glue != null) {
      glue.close();
    }
  }

  @Test(timeout = 900_000)
  public void theRealHoursGiveTheDirectRunnersLake() throws Exception {
    Path hours = RealData.hours();
    // each file alone (a glob: exactly that file), in the UTC hour its events were created in:
    // hour 0 of a UTC-named file (2012), of a Pacific-named one (2014). Every year's file gives
    // the DirectRunner's lake on Flink in FlinkRunnerTest; here a real cluster stages, runs and
    // commits each naming once (a job of a year takes a launcher, a job and a table: ~20 s)
    for (String year : List.of("2012", "2014")) {
      String hour = year.compareTo("2013") < 0 ? "T00" : "T08";
      String next = year.compareTo("2013") < 0 ? "T01" : "T09";
      String[] unit = {"--input=" + hours.resolve(year + "-02-15-0.json.gz"), "--unit=hour",
          "--from=" + year + "-02-15" + hour, "--to=" + year + "-02-15" + next, "--latenessHours=0"};
      String direct = tmp.newFolder("real-direct-" + year).getPath();
      String flink = tmp.newFolder("real-flink-" + year).getPath();
      CompletableFuture<BatchSummary> directRun = beside(() -> direct(concat(unit, "--output=" + direct)));
      // on the cluster each year's hour also goes to the Iceberg table in a (local) Glue, as the
      // EMR template's GlueDatabase makes it: the client commits it with the environment's keys
      String[] table = {"--table=iceberg", "--icebergCatalog=glue", "--icebergUri=" + glue.endpoint(),
          "--awsRegion=" + GlueServer.REGION, "--icebergTable=real.y" + year,
          "--icebergWarehouse=" + tmp.getRoot().toPath().resolve("warehouse")};
      JsonNode onFlink = onCluster(tmp.getRoot().toPath().resolve("real-" + year + ".log"),
          concat(concat(unit, "--output=" + flink), table));
      BatchSummary onDirect = directRun.join();
      assertEquals(year + ": " + onDirect.lines(), UnitStatus.success, onDirect.units().get(0).status());
      assertEquals(year + ": " + onFlink, onDirect.status().name(), onFlink.get("status").asText());
      assertTrue(year + " writes its hour", onDirect.written() > 1_000);
      assertEquals(onDirect.written(), onFlink.get("written").asLong());
      assertTrue(onFlink.get("identity_holds").asBoolean());
      LakeBytes.assertSameLake(direct, flink);
      assertEquals(year, onDirect.written(), tableRows(flink, table));
    }
  }

  /** The rows of the table the options name, read through Iceberg's Glue catalog. */
  private static long tableRows(String lake, String[] table) throws Exception {
    String[] reading = concat(table, "--output=" + lake,
        "--icebergProperties=client.credentials-provider=" + GlueServer.Credentials.class.getName());
    GhLakeOptions o = CommandLine.options(reading);
    TablePlan plan = TablePlan.of(o, LakePaths.of(lake), PartitionBy.hour);
    Catalog catalog = Catalogs.open(plan);
    try (CloseableIterable<Record> rows = IcebergGenerics.read(EventTable.createOrLoad(catalog, plan)).build()) {
      long n = 0;
      for (Record ignored : rows) {
        n++;
      }
      return n;
    } finally {
      Catalogs.close(catalog);
    }
  }

  /**
   * The S3 requests of a run on the cluster are in its cost although the TaskManager, another
   * JVM, sends most of them (reading the archive, writing and committing the partitions): its
   * steps count them in Beam counters, which the cluster gathers. On the cluster as on the
   * DirectRunner, the run's cost counts what S3Proxy served, but for the backfill's own records.
   * (Counted in step counters alone, without the requests of Beam's own S3 threads, it was 111 of
   * the 232 GETs served.)
   */
  @Test(timeout = 900_000)
  public void theTaskManagersS3RequestsAreInTheRunsCost() throws Exception {
    Path root = tmp.newFolder("s3").toPath();
    try (S3ProxyServer s3 = new S3ProxyServer(root.resolve("store")).start()) {
      try (var client = s3.client()) {
        client.createBucket(b -> b.bucket("lake"));
      }
      TestArchives.write(root.resolve("archive"), new SyntheticPlan(4_000, 4, "2024-07-01T00"), 5);
      s3.upload("archive", "mirror/", root.resolve("archive"));
      List<String> args = new ArrayList<>(List.of("--input=s3://archive/mirror/", "--from=2024-07-01T00",
          "--to=2024-07-01T03", "--latenessHours=1", "--partitionBy=hour"));
      args.addAll(s3.beamOptions());
      String[] unit = args.toArray(new String[0]);

      S3ProxyServer.Served t0 = s3.served();
      JsonNode direct = JSON.readTree(direct(concat(unit, "--output=s3://lake/direct")).toJson()).path("cost");
      Thread.sleep(500); // the server logs a request as it serves it
      S3ProxyServer.Served t1 = s3.served();
      JsonNode flink = onCluster(tmp.getRoot().toPath().resolve("s3.log"), concat(unit, "--output=s3://lake/flink"))
          .path("cost");
      Thread.sleep(500);
      S3ProxyServer.Served t2 = s3.served();
      // what the server served, but for the backfill's own records (its summary, not in a run's cost)
      assertServed(t1.minus(t0), direct);
      assertServed(t2.minus(t1), flink);
    }
  }

  private static void assertServed(S3ProxyServer.Served served, JsonNode cost) {
    long puts = cost.path("s3_put_copy_post_list_requests").asLong();
    long gets = cost.path("s3_get_and_other_requests").asLong();
    assertTrue(served + " " + cost, puts > 10 && gets > 10);
    assertTrue(served + " " + cost, puts <= served.putCopyPostList() && served.putCopyPostList() - puts <= 8);
    assertTrue(served + " " + cost, gets <= served.getAndOther() && served.getAndOther() - gets <= 4);
  }

  @Test(timeout = 900_000)
  public void aSyntheticWeekGivesTheDirectRunnersLakeAndSurvivesALostTaskManager() throws Exception {
    Week week = weekOnDirect();
    String direct = week.lake();

    // killed once: the TaskManager dies while the job runs, the job and so its units fail
    String flink = tmp.newFolder("week-flink").getPath();
    Path log = tmp.getRoot().toPath().resolve("week-killed.log");
    Process backfill = start(log, concat(week.args(), "--output=" + flink, "--unitsPerJob=7",
        "--summaryFile=" + tmp.getRoot() + "/killed.json"));
    waitForRunningJob(backfill, log);
    cluster("stop-taskmanager");
    assertTrue("the backfill ends after its TaskManager died", backfill.waitFor(300, TimeUnit.SECONDS));
    JsonNode killed = JSON.readTree(Path.of(tmp.getRoot() + "/killed.json").toFile());
    assertEquals(Files.readString(log), 1, backfill.exitValue());
    assertEquals("failed", killed.get("status").asText());

    // the same command again, with the TaskManager back: the lake is completed
    cluster("start-taskmanager");
    JsonNode again = onCluster(tmp.getRoot().toPath().resolve("week-again.log"),
        concat(week.args(), "--output=" + flink, "--unitsPerJob=7"));
    assertEquals(again.toString(), "success", again.get("status").asText());
    assertEquals(1, again.get("runs").size());
    LakeBytes.assertSameLake(direct, flink);
    try (Stream<Path> staging = Files.list(Path.of(flink, "_staging"))) {
      assertEquals("staging is gone", 0, staging.count());
    }
  }

  /** A synthetic week: its window and input ({@code args}), and its lake as the DirectRunner loads it. */
  private record Week(String[] args, String lake) {}

  /** The week, made once for the tests that start from it. */
  private static synchronized Week weekOnDirect() throws IOException {
    if (madeWeek == null) {
      Path archive = tmp.newFolder("week").toPath();
      TestArchives.write(archive, new SyntheticPlan(50_400, 168, "2024-07-01T00"), 11);
      String[] args = {"--input=" + archive, "--from=2024-07-01", "--to=2024-07-08", "--latenessHours=2"};
      String lake = tmp.newFolder("week-direct").getPath();
      assertEquals(7, direct(concat(args, "--output=" + lake)).runs().size());
      madeWeek = new Week(args, lake);
    }
    return madeWeek;
  }

  @Test(timeout = 900_000)
  public void theInteractionsTableAndExportOnTheClusterAreTheDirectRunners() throws Exception {
    // the week's lake, a copy for each runner; the runs read its first two days
    Path week = Path.of(weekOnDirect().lake());
    Path direct = tmp.getRoot().toPath().resolve("interactions-direct");
    copy(week, direct);
    Path flink = tmp.getRoot().toPath().resolve("interactions-flink");
    copy(week, flink);
    String[] args = {"--from=2024-07-01", "--to=2024-07-03", "--cutoff=2024-07-02"};
    // a job a day on the DirectRunner, the default (up to seven days a job) on the cluster
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    CompletableFuture<Integer> directExit = beside(() -> InteractionsCommand.run(concat(args, "--daysPerJob=1",
        "--lake=" + direct, "--export=" + direct.resolve("export")), quiet, quiet));

    Path log = tmp.getRoot().toPath().resolve("interactions-flink.log");
    Process p = launcher(log, concat(new String[] {"interactions", "--runner=FlinkRunner",
        "--flinkMaster=" + master, "--parallelism=2", "--lake=" + flink, "--export=" + flink.resolve("export")}, args));
    assertTrue("the run finishes", p.waitFor(600, TimeUnit.SECONDS));
    assertEquals(Files.readString(log), 0, p.exitValue());
    assertEquals(0, (int) directExit.join());
    assertTrue(Files.readString(log), Files.readString(log).contains("2 days committed"));

    String rows = "SELECT CAST(dt AS VARCHAR), actor_id, repo_id, kind, events, first_at, last_at, actor_login, "
        + "repo_name, bot, bot_reason, own_repo FROM read_parquet('%s/interactions/dt=*/*.parquet', "
        + "hive_partitioning = true) ORDER BY ALL";
    List<String> onDirect = rows(String.format(rows, direct));
    assertTrue(onDirect.size() > 10_000);
    assertEquals(onDirect, rows(String.format(rows, flink)));
    for (String file : List.of("train.csv", "test.csv", "users.csv", "items.csv")) {
      assertEquals(file, sortedLines(direct.resolve("export/" + file)), sortedLines(flink.resolve("export/" + file)));
    }
    for (String day : List.of("2024-07-01", "2024-07-02")) {
      String manifest = "interactions/dt=" + day + "/_manifest.json";
      assertEquals(JSON.readTree(direct.resolve(manifest).toFile()).get("counts"),
          JSON.readTree(flink.resolve(manifest).toFile()).get("counts"));
    }
  }

  private static List<String> rows(String sql) throws Exception {
    List<String> out = new ArrayList<>();
    DuckDb.query(sql, rs -> {
      StringBuilder row = new StringBuilder();
      for (int c = 1; c <= 12; c++) {
        row.append(rs.getString(c)).append('|');
      }
      out.add(row.toString());
    });
    return out;
  }

  private static List<String> sortedLines(Path file) throws IOException {
    return Files.readAllLines(file).stream().sorted().toList();
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.toList()) {
        Files.copy(p, to.resolve(from.relativize(p).toString()));
      }
    }
  }

  /**
   * The DirectRunner's side of a comparison, in this JVM while the cluster's job runs: each writes
   * a lake of its own, and the test waits for both before it compares them.
   */
  private static <T> CompletableFuture<T> beside(Supplier<T> run) {
    return CompletableFuture.supplyAsync(run);
  }

  private static BatchSummary direct(String... args) {
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    return new Backfill(CommandLine.options(List.of(BackfillOptions.class),
        concat(args, "--progressSeconds=0")), quiet, quiet).run();
  }

  /** A backfill submitted to the cluster from its own JVM, as a user would; its summary. */
  private static JsonNode onCluster(Path log, String... args) throws Exception {
    Path summary = Path.of(log + ".json");
    Process p = start(log, concat(args, "--summaryFile=" + summary));
    assertTrue("the backfill finishes", p.waitFor(600, TimeUnit.SECONDS));
    assertTrue(Files.readString(log), Files.exists(summary));
    assertTrue(Files.readString(log), Files.readString(log).contains("ghlake backfill: "));
    return JSON.readTree(summary.toFile());
  }

  private static Process start(Path log, String... args) throws IOException {
    return launcher(log, concat(new String[] {"backfill", "--runner=FlinkRunner", "--flinkMaster=" + master,
        "--parallelism=2", "--progressSeconds=0"}, args));
  }

  /**
   * scripts/ghlake, as docs/backfill.md has users submit to a cluster: its JVM flags, its class archive,
   * and the runnable jar as the only file the job stages.
   */
  private static Process launcher(Path log, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("bash", BASE.resolve("scripts/ghlake").toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    pb.environment().put("JAVA_OPTS", "-Xmx512m");
    // the AWS SDK's default credentials, as an EMR node's role gives them (the Glue catalog's)
    pb.environment().put("AWS_ACCESS_KEY_ID", GlueServer.ACCESS_KEY);
    pb.environment().put("AWS_SECRET_ACCESS_KEY", GlueServer.SECRET_KEY);
    return pb.start();
  }

  private static void waitForRunningJob(Process backfill, Path log) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
    while (System.nanoTime() < deadline) {
      assertTrue(Files.readString(log), backfill.isAlive());
      String jobs = http.send(HttpRequest.newBuilder(URI.create("http://" + master + "/jobs/overview")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      if (jobs.contains("\"state\":\"RUNNING\"")) {
        Thread.sleep(1500); // into its tasks, not only scheduled
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no job ran on the cluster:\n" + Files.readString(log));
  }

  private static String cluster(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", BASE.resolve("scripts/flink-cluster").toString()));
    command.addAll(List.of(args));
    command.add("--dir=" + clusterDir);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue("flink-cluster " + String.join(" ", args) + " finishes", p.waitFor(180, TimeUnit.SECONDS));
    assertEquals(out, 0, p.exitValue());
    return out;
  }

  /** The first of {@code n} consecutive free ports. */
  private static int freePorts(int n) throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      int first;
      try (ServerSocket s = new ServerSocket(0)) {
        first = s.getLocalPort();
      }
      if (first + n < 65_000 && allFree(first, n)) {
        return first;
      }
    }
    throw new IOException("no " + n + " consecutive free ports");
  }

  private static boolean allFree(int first, int n) {
    for (int port = first; port < first + n; port++) {
      try (ServerSocket s = new ServerSocket(port)) {
        s.setReuseAddress(true);
      } catch (IOException e) {
        return false;
      }
    }
    return true;
  }

  private static String[] concat(String[] a, String... b) {
    return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
  }
}
