package dev.ghlake.lambda;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ghlake.source.synthetic.SyntheticPlan;
import dev.ghlake.testing.AwsJsonServer;
import dev.ghlake.testing.CloudFormationYaml;
import dev.ghlake.testing.GlueServer;
import dev.ghlake.testing.LambdaRuntimeApi;
import dev.ghlake.testing.S3ProxyServer;
import dev.ghlake.testing.SlackServer;
import dev.ghlake.testing.TestArchives;
import dev.ghlake.testing.Zips;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The Lambda deployment zip, run by AWS's own runtime interface client in a JVM of its own, with
 * the unpacked zip as its task root, against a local Lambda Runtime API: S3Proxy as the buckets,
 * a local Secrets Manager holding the Slack webhook, a local Slack. The invocations follow one
 * another as a schedule's would, so the tests run in order.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class LambdaRuntimeIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HANDLER = "dev.ghlake.lambda.ScheduledLoadHandler";
  private static Path work;
  private static Path taskRoot;
  private static S3ProxyServer s3;
  private static S3Client client;
  private static LakeOnS3 lake;
  private static AwsJsonServer secrets;
  private static GlueServer glue;
  private static SlackServer slack;
  private static LambdaRuntimeApi runtime;
  private static Process function;
  private static long started;

  @BeforeClass
  public static void deploy() throws Exception {
    work = Files.createTempDirectory("ghlake-lambda");
    taskRoot = Zips.unzip(Path.of(System.getProperty("ghlake.lambda.zip")), work.resolve("task"));
    Path archive = work.resolve("archive");
    // 2024-06-29 00:00 to 2024-07-02 02:00, 60 events an hour
    TestArchives.write(archive, new SyntheticPlan(4_440, 74, "2024-06-29T00"), 12);
    s3 = new S3ProxyServer(work.resolve("s3")).start();
    s3.upload("archive", "m/", archive);
    client = s3.client();
    lake = new LakeOnS3(client);
    client.createBucket(b -> b.bucket("lake"));
    secrets = new AwsJsonServer();
    glue = new GlueServer(S3ProxyServer.IDENTITY, S3ProxyServer.CREDENTIAL, "us-east-1");
    slack = new SlackServer();
    secrets.secret("ghlake/slack", "{\"webhook\":\"" + slack.webhook("T0K3N") + "\"}");
    runtime = new LambdaRuntimeApi();
    started = System.currentTimeMillis();
    function = startFunction();
  }

  /** AWS's runtime interface client in the task root, configured as the SAM template does it. */
  private static Process startFunction() throws Exception {
    List<String> cp = new ArrayList<>();
    try (Stream<Path> jars = Files.list(Path.of(System.getProperty("ghlake.lambda.ric")))) {
      jars.map(Path::toString).sorted().forEach(cp::add);
    }
    // -Xmx on the command line, as Lambda's runtime gives the heap size; the rest from the template
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx1g", "-cp", String.join(File.pathSeparator, cp),
        "com.amazonaws.services.lambda.runtime.api.client.AWSLambda", HANDLER + "::handleRequest")
        .directory(taskRoot.toFile()).redirectErrorStream(true)
        .redirectOutput(work.resolve("function.log").toFile());
    Map<String, String> env = pb.environment();
    env.put("JAVA_TOOL_OPTIONS", templateJavaToolOptions());
    env.put("AWS_LAMBDA_RUNTIME_API", runtime.address());
    env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
    env.put("AWS_ACCESS_KEY_ID", S3ProxyServer.IDENTITY);
    env.put("AWS_SECRET_ACCESS_KEY", S3ProxyServer.CREDENTIAL);
    env.put("AWS_REGION", "us-east-1");
    env.put("AWS_LAMBDA_FUNCTION_NAME", "ghlake-test-load"); // as Lambda sets it
    env.put(LambdaConfig.METRICS_NAMESPACE, "ghlake");
    env.put(LambdaConfig.OUTPUT, "s3://lake/gh");
    env.put(LambdaConfig.INPUT, "s3://archive/m/");
    env.put(LambdaConfig.SLACK_WEBHOOK, "secretsmanager:ghlake/slack#webhook");
    env.put(LambdaConfig.CATCH_UP_DAYS, "1");
    env.put(LambdaConfig.SAFETY_SECONDS, "2");
    env.put(LambdaConfig.OPTIONS, "--endpoint=" + s3.endpoint() + " --s3PathStyle=true "
        + "--secretsManagerEndpoint=" + secrets.endpoint() + " --latenessHours=2");
    return pb.start();
  }

  private static String templateJavaToolOptions() throws Exception {
    Map<String, Object> template = CloudFormationYaml.read(
        Path.of(System.getProperty("ghlake.basedir", "."), "templates", "lambda", "template.yaml"));
    return (String) CloudFormationYaml.environmentVariables(template, "LoadFunction").get("JAVA_TOOL_OPTIONS");
  }

  @AfterClass
  public static void undeploy() throws Exception {
    if (function != null) {
      function.destroyForcibly();
    }
    if (runtime != null) {
      runtime.close();
    }
    if (slack != null) {
      slack.close();
    }
    if (secrets != null) {
      secrets.close();
    }
    if (glue != null) {
      glue.close();
    }
    if (client != null) {
      client.close();
    }
    if (s3 != null) {
      s3.close();
    }
  }

  private static JsonNode invoke(String event, long deadlineSeconds) throws Exception {
    LambdaRuntimeApi.Outcome o = runtime.invoke(event, deadlineSeconds, 300);
    assertFalse("invocation failed: " + o.body() + "\n" + log(), o.failed());
    return JSON.readTree(o.body());
  }

  private static String scheduled(String time) {
    return "{\"scheduledTime\":\"" + time + "\"}";
  }

  private static String log() throws Exception {
    String all = Files.readString(work.resolve("function.log"));
    return all.length() < 6000 ? all : all.substring(all.length() - 6000);
  }

  /**
   * A cold start: the JVM's start to the runtime's first request for an event (Lambda's init),
   * then a first invocation of one hour. The figures go to target/lambda-cold-start.txt for
   * runners/lambda/README.md; they are measured here, not asserted.
   */
  @Test
  public void a1_aColdStartLoadsItsFirstHour() throws Exception {
    long t0 = System.currentTimeMillis();
    JsonNode r = invoke("{\"from\":\"2024-06-29T00\",\"to\":\"2024-06-29T01\"}", 600);
    long firstHour = System.currentTimeMillis() - t0;
    assertEquals("success", r.get("status").asText());
    assertEquals(1, r.get("partitions").asInt());
    String ready = log().lines().filter(l -> l.startsWith("ghlake: handler ready")).findFirst().orElse("?");
    String figures = String.format("zip %.1f MB unzipped; init %d ms (JVM start to the first event request; %s); "
        + "first invocation, one hour of 60 events: %d ms%n", unzippedBytes() / 1e6,
        runtime.firstPollMillis() - started, ready, firstHour);
    System.out.print("cold start: " + figures);
    Files.writeString(Path.of(System.getProperty("ghlake.basedir", "."), "target", "lambda-cold-start.txt"), figures);
  }

  @Test
  public void b_aManualInvocationLoadsItsWindowWithItsOptions() throws Exception {
    JsonNode r = invoke("{\"from\":\"2024-06-29\",\"to\":\"2024-06-30\",\"options\":{\"compression\":\"snappy\"}}", 600);
    assertEquals("success", r.get("status").asText());
    assertEquals("manual load", r.get("kind").asText());
    assertEquals(24, r.get("partitions").asInt());
    JsonNode manifest = lake.manifest("2024-06-29", "00");
    assertEquals("snappy", manifest.at("/options/compression").asText());
    assertEquals(2, slack.payloads().size()); // a1's and this one's
    assertTrue(slack.payloads().get(1).contains("ghlake run succeeded"));
  }

  @Test
  public void c_aScheduledInvocationLoadsTheLastCompleteDayAndTellsSlack() throws Exception {
    // 07:15 less the 30 min publication delay: 2024-06-30 is the last complete day; 06-29 is done
    JsonNode r = invoke(scheduled("2024-07-01T07:15:00Z"), 600);
    assertEquals(r.toString(), "success", r.get("status").asText());
    assertEquals(1, r.get("windows").size());
    assertEquals("2024-06-30T00 .. 2024-07-01T00", r.at("/windows/0/window").asText());
    assertEquals(24, lake.manifests("2024-06-30").size());
    assertEquals(3, slack.payloads().size());
    assertTrue(slack.payloads().get(2).contains("2024-06-30T00 .. 2024-07-01T00"));
  }

  @Test
  public void d_aDayMissingFromTheLakeIsCaughtUpOldestFirst() throws Exception {
    lake.deleteDay("2024-06-30");
    JsonNode r = invoke(scheduled("2024-07-02T07:15:00Z"), 600);
    assertEquals(r.toString(), 2, r.get("windows").size());
    assertEquals("2024-06-30T00 .. 2024-07-01T00", r.at("/windows/0/window").asText());
    assertEquals("2024-07-01T00 .. 2024-07-02T00", r.at("/windows/1/window").asText());
    assertEquals(24, lake.manifests("2024-06-30").size());
    assertEquals(24, lake.manifests("2024-07-01").size());
    assertEquals(4, slack.payloads().size()); // one message for the invocation, not one per day
    assertTrue(slack.payloads().get(3).contains("ghlake scheduled load"));
  }

  @Test
  public void e_aShortDeadlineStopsStartingWindowsAndSaysWhatIsLeft() throws Exception {
    lake.deleteDay("2024-06-30");
    lake.deleteDay("2024-07-01");
    JsonNode r = invoke(scheduled("2024-07-02T07:15:00Z"), 8);
    assertEquals(r.toString(), 2, r.get("windows").size());
    assertEquals("2024-06-30T00 .. 2024-07-01T00", r.at("/windows/0/window").asText());
    assertTrue(r.toString(), r.at("/windows/0/status").asText().equals("success"));
    assertEquals("not_run", r.at("/windows/1/status").asText());
    assertTrue(r.at("/windows/1/why").asText().startsWith("left for the next invocation"));
    assertEquals("incomplete", r.get("status").asText()); // not failed: the next one picks it up
  }

  @Test
  public void f_invokingAgainCompletesTheLakeAndThenChangesNothing() throws Exception {
    JsonNode r = invoke(scheduled("2024-07-02T07:15:00Z"), 600);
    assertEquals(1, r.get("windows").size());
    assertEquals("2024-07-01T00 .. 2024-07-02T00", r.at("/windows/0/window").asText());
    Map<String, String> before = lake.objects();
    int messages = slack.payloads().size();
    JsonNode again = invoke(scheduled("2024-07-02T07:15:00Z"), 600);
    assertEquals(0, again.get("windows").size());
    assertEquals("success", again.get("status").asText());
    Map<String, String> after = lake.objects();
    after.keySet().removeIf(k -> k.contains("/_runs/") || k.contains("/_leases/"));
    before.keySet().removeIf(k -> k.contains("/_runs/") || k.contains("/_leases/"));
    assertEquals("the lake's data and manifests are untouched", before, after);
    assertEquals("nothing ran, nothing to tell", messages, slack.payloads().size());
  }

  @Test
  public void g_aBadEventAndAFailedRunFailTheInvocation() throws Exception {
    LambdaRuntimeApi.Outcome bad = runtime.invoke("{\"hello\":1}", 60, 120);
    assertTrue(bad.failed());
    assertTrue(bad.body(), bad.body().contains("accepted events"));

    LambdaRuntimeApi.Outcome bigQuery = runtime.invoke("{\"from\":\"2024-06-29T00\",\"options\":{\"source\":\"bigquery\"}}", 60, 120);
    assertTrue(bigQuery.failed());
    assertTrue(bigQuery.body(), bigQuery.body().contains("--source=bigquery does not run in the Lambda function"));

    LambdaRuntimeApi.Outcome failed = runtime.invoke("{\"from\":\"2024-06-29T00\",\"to\":\"2024-06-29T01\","
        + "\"options\":{\"output\":\"s3://no-such-bucket/gh\"}}", 600, 300);
    assertTrue(failed.body(), failed.failed());
    assertTrue(failed.body(), failed.body().contains("the load ended failed (exit code 1)") && failed.body().contains("no-such-bucket"));
    assertTrue(slack.payloads().get(slack.payloads().size() - 1).contains("ghlake run failed"));
    assertTrue("the function still serves: " + runtime.initErrors(), runtime.initErrors().isEmpty());
  }

  /** Every invocation above left one Embedded Metric Format line the alarms can read. */
  @Test
  public void h_everyInvocationLeavesOneMetricLineInTheLog() throws Exception {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : Files.readAllLines(work.resolve("function.log"))) {
      if (line.startsWith("{\"_aws\"")) {
        lines.add(JSON.readTree(line));
      }
    }
    assertTrue(lines.size() + " metric lines", lines.size() >= 8);
    for (JsonNode line : lines) {
      JsonNode directive = line.get("_aws").get("CloudWatchMetrics").get(0);
      assertEquals("ghlake", directive.get("Namespace").asText());
      assertEquals("[[\"FunctionName\"]]", directive.get("Dimensions").toString());
      assertTrue(line.get("_aws").get("Timestamp").asLong() > 1_700_000_000_000L);
      assertEquals("ghlake-test-load", line.get("FunctionName").asText());
      for (JsonNode metric : directive.get("Metrics")) {
        assertTrue(metric + " has its value", line.get(metric.get("Name").asText()).isNumber());
      }
      assertEquals(1, line.get("LoadsSucceeded").asInt() + line.get("LoadsIncomplete").asInt()
          + line.get("LoadsFailed").asInt() + line.get("LoadsSuspect").asInt());
    }
    assertTrue(lines.stream().anyMatch(l -> l.get("LoadsSucceeded").asInt() == 1 && l.get("EventsWritten").asLong() > 0));
    // g: a bad event and a BigQuery load (no load at all), and a load that failed
    assertEquals(3, lines.stream().filter(l -> l.get("LoadsFailed").asInt() == 1).count());
  }

  /**
   * A load that also commits the lake's Iceberg table in Glue, from the zip alone: Iceberg's Glue
   * catalog and the SDK's Glue client load, sign with the function's credentials (the
   * environment, as a role's reach a function) for the function's region, and the table's
   * metadata goes to the lake's bucket.
   */
  @Test
  public void i_aLoadCommitsTheIcebergTableInGlue() throws Exception {
    JsonNode r = invoke("{\"from\":\"2024-06-29T00\",\"to\":\"2024-06-29T02\",\"options\":{\"table\":\"iceberg\","
        + "\"icebergCatalog\":\"glue\",\"icebergUri\":\"" + glue.endpoint() + "\"}}", 600);
    assertEquals(r.toString(), "success", r.get("status").asText());
    JsonNode table = glue.table("ghlake", "events");
    assertTrue(glue.calls().toString(), table != null);
    String metadata = table.path("Parameters").path("metadata_location").asText();
    assertTrue(metadata, metadata.startsWith("s3://lake/gh/_iceberg/"));
    String key = metadata.substring("s3://lake/".length());
    assertTrue(key, client.headObject(b -> b.bucket("lake").key(key)).contentLength() > 0);
  }

  /** The package's size as Lambda counts it: every entry unzipped. */
  private static long unzippedBytes() throws Exception {
    try (ZipFile zip = new ZipFile(System.getProperty("ghlake.lambda.zip"))) {
      return zip.stream().mapToLong(ZipEntry::getSize).sum();
    }
  }
}
