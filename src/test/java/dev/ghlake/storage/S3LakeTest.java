package dev.ghlake.storage;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ghlake.GhLake;
import dev.ghlake.InteractionsCommand;
import dev.ghlake.ReportCommand;
import dev.ghlake.cli.CommandLine;
import dev.ghlake.model.LakePaths;
import dev.ghlake.run.GhLakeOptions;
import dev.ghlake.source.synthetic.SyntheticPlan;
import dev.ghlake.summary.RunSummary;
import dev.ghlake.table.Catalogs;
import dev.ghlake.table.EventTable;
import dev.ghlake.table.TablePlan;
import dev.ghlake.testing.DuckDb;
import dev.ghlake.testing.S3ProxyServer;
import dev.ghlake.testing.TestArchives;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The lake on S3 (S3Proxy on loopback), the archive read from S3, checked with the AWS SDK. */
public class S3LakeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @Rule public TemporaryFolder tmp = new TemporaryFolder();
  private static Path root;
  private static S3ProxyServer s3;
  private static S3Client client;

  @BeforeClass
  public static void startS3() throws Exception {
    root = Files.createTempDirectory("ghlake-s3");
    s3 = new S3ProxyServer(root.resolve("store")).start();
    client = s3.client();
    client.createBucket(b -> b.bucket("lake"));
    Path archive = root.resolve("archive");
    TestArchives.write(archive, new SyntheticPlan(6_000, 4, "2024-07-01T00"), 11);
    s3.upload("archive", "mirror/", archive);
  }

  @AfterClass
  public static void stopS3() throws Exception {
    client.close();
    s3.close();
  }

  private static RunSummary run(String output, List<String> s3Options, String... extra) {
    List<String> args = new ArrayList<>(List.of("--input=s3://archive/mirror/",
        "--from=2024-07-01T01", "--to=2024-07-01T03", "--latenessHours=1",
        "--output=" + output, "--progressSeconds=0"));
    args.addAll(s3Options);
    args.addAll(List.of(extra));
    return GhLake.run(CommandLine.options(args.toArray(new String[0])));
  }

  /** A run that failed before reading anything: its one failure, which must name the lake. */
  private static String failure(RunSummary s) {
    assertEquals(RunSummary.Status.failed, s.status());
    assertEquals(0, s.read());
    return s.failures().get(0);
  }

  private static List<String> keys(String bucket, String prefix) {
    return client.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents().stream()
        .map(S3Object::key).sorted().toList();
  }

  @Test
  public void aWindowFromS3ToS3IsTheSameLakeAsOnDisk() throws Exception {
    RunSummary onS3 = run("s3://lake/gh", s3.beamOptions());
    String local = tmp.newFolder("local").getPath();
    List<String> args = new ArrayList<>(s3.beamOptions());
    RunSummary onDisk = run(local, args);

    assertEquals(RunSummary.Status.success, onS3.status());
    assertTrue(onS3.identityHolds());
    assertEquals(onDisk.written(), onS3.written());
    assertEquals(onDisk.outsideWindow(), onS3.outsideWindow());
    List<String> keys = keys("lake", "gh/");
    assertTrue(keys.toString(), keys.contains("gh/events/dt=2024-07-01/hour=01/_manifest.json"));
    assertTrue(keys.toString(), keys.contains("gh/_runs/" + onS3.runId() + "/ledger.json"));

    // download with the AWS SDK, read with DuckDB: every row the summary says was written
    Path copy = tmp.newFolder("copy").toPath();
    for (String key : keys) {
      if (key.endsWith(".parquet")) {
        Path to = copy.resolve(key);
        Files.createDirectories(to.getParent());
        client.getObject(g -> g.bucket("lake").key(key), to);
      }
    }
    assertEquals(onS3.written(), DuckDb.count("SELECT count(*) FROM read_parquet('" + copy
        + "/gh/events/**/*.parquet', hive_partitioning=true)"));
    JsonNode manifest = JSON.readTree(client.getObjectAsBytes(g -> g.bucket("lake")
        .key("gh/events/dt=2024-07-01/hour=02/_manifest.json")).asByteArray());
    assertEquals("s3://archive/mirror/2024-07-01-2.json.gz",
        manifest.get("sources").get(0).get("path").asText());
    assertEquals("***", manifest.at("/options/awsCredentialsProvider").asText());
  }

  /**
   * The health report of a lake on S3 reads its manifests and run records through Beam's S3
   * filesystem and writes its page beside them: the same partitions, runs and figures as the
   * report of the same lake on disk.
   */
  @Test
  public void theHealthReportOfALakeOnS3IsTheReportOfTheSameLakeOnDisk() throws Exception {
    assertEquals(RunSummary.Status.success, run("s3://lake/health", s3.beamOptions()).status());
    String local = tmp.newFolder("health-local").getPath();
    assertEquals(RunSummary.Status.success, run(local, s3.beamOptions()).status());
    ByteArrayOutputStream said = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(said, true, StandardCharsets.UTF_8);
    List<String> onS3 = new ArrayList<>(List.of("--lake=s3://lake/health"));
    onS3.addAll(s3.beamOptions());
    assertEquals(said.toString(), 0, ReportCommand.run(onS3.toArray(new String[0]), out, out));
    List<String> onDisk = new ArrayList<>(List.of("--lake=" + local));
    onDisk.addAll(s3.beamOptions());
    assertEquals(said.toString(), 0, ReportCommand.run(onDisk.toArray(new String[0]), out, out));

    String[] lines = said.toString(StandardCharsets.UTF_8).split("\n");
    // "<page>: 2 partitions, 1 runs, <bytes> bytes, in <s> s": the same lake, read from S3 and disk
    assertEquals(lines[1].replaceAll(".*health.html: (.*), [0-9,]+ bytes.*", "$1"),
        lines[0].replaceAll(".*health.html: (.*), [0-9,]+ bytes.*", "$1"));
    assertTrue(lines[0], lines[0].contains("s3://lake/health/") && lines[0].contains(": 2 partitions, 1 runs"));
    String page = client.getObjectAsBytes(g -> g.bucket("lake").key("health/_report/health.html"))
        .asUtf8String();
    String pageOnDisk = Files.readString(Path.of(local).resolve("_report/health.html"));
    assertTrue(page.startsWith("<!DOCTYPE html>") && page.contains("2024-07-01"));
    assertEquals(pageOnDisk.length(), page.length(), pageOnDisk.length() / 50.0); // the same views; ids and paths differ
  }

  /**
   * The lake's Iceberg table on S3: its metadata beside the lake through Beam's S3 filesystem
   * (the lake's endpoint and keys), its catalog Iceberg's JDBC one on an embedded H2 database.
   * Read back through Iceberg's own reader, which opens every file through the table's FileIO.
   */
  @Test
  public void theInteractionsTableAndItsExportOnS3AreTheSameAsOnDisk() throws Exception {
    assertEquals(RunSummary.Status.success, run("s3://lake/inter", s3.beamOptions()).status());
    String local = tmp.newFolder("inter-local").getPath();
    assertEquals(RunSummary.Status.success, run(local, s3.beamOptions()).status());
    List<String> onS3 = new ArrayList<>(List.of("--lake=s3://lake/inter", "--export=s3://lake/inter-export",
        "--progressSeconds=0"));
    onS3.addAll(s3.beamOptions());
    ByteArrayOutputStream said = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(said, true, StandardCharsets.UTF_8);
    assertEquals(said.toString(), 0, InteractionsCommand.run(onS3.toArray(new String[0]), out, out));
    List<String> onDisk = new ArrayList<>(List.of("--lake=" + local, "--export=" + local + "/export"));
    onDisk.addAll(s3.beamOptions());
    assertEquals(0, InteractionsCommand.run(onDisk.toArray(new String[0]), out, out));

    List<String> table = keys("lake", "inter/interactions/dt=");
    assertEquals(table.toString(), 2, table.size()); // one day: its file and its manifest, nothing half-made
    assertTrue(table.toString(), table.get(0).endsWith("_manifest.json") && table.get(1).endsWith(".parquet"));
    assertEquals(List.of(), keys("lake", "inter/interactions/_tmp"));
    assertEquals(List.of(), keys("lake", "inter/_staging"));
    assertEquals(List.of("inter-export/export.json", "inter-export/ghlake.train.inter", "inter-export/items.csv",
        "inter-export/train.csv", "inter-export/train.parquet", "inter-export/users.csv"), keys("lake", "inter-export/"));
    for (String file : List.of("train.csv", "users.csv", "items.csv")) {
      assertEquals(file, Files.readAllLines(Path.of(local, "export", file)), List.of(client.getObjectAsBytes(
          b -> b.bucket("lake").key("inter-export/" + file)).asUtf8String().split("\n")));
    }
    assertEquals(DuckDb.count("SELECT count(*) FROM read_parquet('" + local + "/interactions/dt=*/*.parquet')"),
        JSON.readTree(client.getObjectAsBytes(b -> b.bucket("lake").key(table.get(0))).asUtf8String())
            .path("counts").path("rows").asLong());
  }

  @Test
  public void anIcebergTableOfALakeOnS3ReadsBackThroughIceberg() throws Exception {
    String[] table = {"--table=iceberg", "--icebergCatalog=jdbc", "--icebergUri=jdbc:h2:file:"
        + tmp.getRoot().toPath().resolve("catalog") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"};
    RunSummary s = run("s3://lake/ice", s3.beamOptions(), table);
    assertEquals(s.failures().toString(), RunSummary.Status.success, s.status());
    assertTrue(keys("lake", "ice/_iceberg/ghlake/events/metadata/").stream().anyMatch(k -> k.endsWith(".metadata.json")));
    List<String> args = new ArrayList<>(List.of("--output=s3://lake/ice"));
    args.addAll(s3.beamOptions());
    args.addAll(List.of(table));
    GhLakeOptions o = CommandLine.options(args.toArray(new String[0]));
    TablePlan plan = TablePlan.of(o, LakePaths.of(o.getOutput()), o.getPartitionBy());
    org.apache.iceberg.Table t = EventTable.createOrLoad(Catalogs.open(plan), plan);
    long rows = 0;
    try (var read = org.apache.iceberg.data.IcebergGenerics.read(t).build()) {
      for (var r : read) {
        assertTrue(String.valueOf(r.getField("dt")).equals("2024-07-01"));
        rows++;
      }
    }
    assertEquals(s.written(), rows);
  }

  @Test
  public void aWindowOfTheRealHoursOnS3ReadsBackAsOnDisk() throws Exception {
    Path hours = dev.ghlake.testing.RealData.hours();
    List<String> args = new ArrayList<>(List.of("--input=" + hours, "--from=2013-02-15T08",
        "--to=2013-02-15T10", "--latenessHours=0", "--progressSeconds=0"));
    List<String> toS3 = new ArrayList<>(args);
    toS3.add("--output=s3://lake/real");
    toS3.addAll(s3.beamOptions());
    RunSummary onS3 = GhLake.run(CommandLine.options(toS3.toArray(new String[0])));
    List<String> toDisk = new ArrayList<>(args);
    toDisk.add("--output=" + tmp.newFolder("real").getPath());
    RunSummary onDisk = GhLake.run(CommandLine.options(toDisk.toArray(new String[0])));

    assertEquals(onDisk.written(), onS3.written());
    assertTrue(onS3.identityHolds());
    Path copy = tmp.newFolder("real-copy").toPath();
    for (String key : keys("lake", "real/events/")) {
      Path to = copy.resolve(key);
      Files.createDirectories(to.getParent());
      client.getObject(g -> g.bucket("lake").key(key), to);
    }
    String events = "read_parquet('" + copy + "/real/events/**/*.parquet', hive_partitioning=true)";
    assertEquals(onS3.written(), DuckDb.count("SELECT count(*) FROM " + events));
    assertEquals(onS3.written(), DuckDb.count("SELECT count(*) FROM " + events
        + " WHERE dt = '2013-02-15' AND hour IN (8, 9)"));
  }

  @Test
  public void theBoto3ReaderListsWhatTheRunWrote() throws Exception {
    Process probe = new ProcessBuilder("python3", "-c", "import boto3").start();
    org.junit.Assume.assumeTrue("python3 with boto3 not installed: skipping scripts/read-lake.py",
        probe.waitFor() == 0);
    RunSummary s = run("s3://lake/boto", s3.beamOptions());
    ProcessBuilder reader = new ProcessBuilder("python3", "scripts/read-lake.py", "s3://lake/boto",
        "--endpoint", s3.endpoint().toString()).redirectErrorStream(true);
    reader.environment().put("AWS_ACCESS_KEY_ID", S3ProxyServer.IDENTITY);
    reader.environment().put("AWS_SECRET_ACCESS_KEY", S3ProxyServer.CREDENTIAL);
    reader.environment().put("AWS_DEFAULT_REGION", "us-east-1");
    Process p = reader.start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(out, 0, p.waitFor());
    assertTrue(out, out.contains("dt=2024-07-01/hour=01\t"));
    assertTrue(out, out.trim().endsWith("total\t" + s.written()));
  }

  @Test
  public void staticKeysCanComeFromASecretReference() throws Exception {
    Path keys = tmp.newFile("keys.json").toPath();
    Files.writeString(keys, "{\"accessKeyId\":\"" + S3ProxyServer.IDENTITY + "\",\"secretAccessKey\":\""
        + S3ProxyServer.CREDENTIAL + "\"}");
    List<String> viaSecret = List.of("--endpoint=" + s3.endpoint(), "--awsRegion=us-east-1",
        "--s3PathStyle=true", "--awsCredentialsSecret=file:" + keys);
    assertEquals(RunSummary.Status.success, run("s3://lake/keys", viaSecret).status());

    Files.writeString(keys, "{\"accessKeyId\":\"" + S3ProxyServer.IDENTITY + "\",\"secretAccessKey\":\"wrong-key-xyz\"}");
    String refused = failure(run("s3://lake/keys", viaSecret));
    assertTrue(refused, refused.contains("s3://lake/keys") && refused.contains("403"));
    assertTrue(refused, !refused.contains("wrong-key-xyz"));
  }

  @Test
  public void serverSideEncryptionOptionsReachTheWrites() {
    // S3Proxy accepts and ignores SSE headers: this proves the options pass, not the encryption
    RunSummary sse = run("s3://lake/sse", s3.beamOptions(), "--SSEAlgorithm=AES256");
    assertEquals(RunSummary.Status.success, sse.status());
    RunSummary kms = run("s3://lake/kms", s3.beamOptions(), "--SSEAlgorithm=aws:kms",
        "--SSEKMSKeyId=arn:aws:kms:us-east-1:111122223333:key/test");
    assertEquals(RunSummary.Status.success, kms.status());
  }

  @Test
  public void aRerunOnS3ReplacesThePartitionsObjects() {
    RunSummary first = run("s3://lake/rerun", s3.beamOptions());
    RunSummary second = run("s3://lake/rerun", s3.beamOptions());
    List<String> parquet = keys("lake", "rerun/events/").stream()
        .filter(k -> k.endsWith(".parquet")).toList();
    assertTrue(parquet.toString(), !parquet.isEmpty()
        && parquet.stream().allMatch(k -> k.contains(second.runId())));
    assertEquals(first.written(), second.written());
  }

  @Test
  public void aWrongBucketWrongKeysOrDeadEndpointFailAtOnceNamingTheLake() throws Exception {
    String wrongBucket = failure(run("s3://no-such-bucket/gh", s3.beamOptions()));
    assertTrue(wrongBucket, wrongBucket.contains("s3://no-such-bucket/gh")
        && wrongBucket.contains("NoSuchBucket"));

    String wrongKeys = failure(run("s3://lake/gh", s3.beamOptions("local-identity", "not-the-secret")));
    assertTrue(wrongKeys, wrongKeys.contains("s3://lake/gh") && wrongKeys.contains("403"));
    assertTrue("the secret is not in the message", !wrongKeys.contains("not-the-secret"));

    List<String> deadEndpoint = new ArrayList<>(s3.beamOptions());
    deadEndpoint.set(0, "--endpoint=http://127.0.0.1:9");
    String down = failure(run("s3://lake/gh", deadEndpoint));
    assertTrue(down, down.contains("s3://lake/gh") && down.contains("127.0.0.1:9"));
  }
}
