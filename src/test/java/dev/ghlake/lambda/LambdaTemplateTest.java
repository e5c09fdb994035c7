package dev.ghlake.lambda;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ghlake.testing.CloudFormationYaml;
import dev.ghlake.testing.IamStatements;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.Test;

/** What can be checked offline of the SAM template: that it deploys this code, as configured here. */
@SuppressWarnings("unchecked")
public class LambdaTemplateTest {
  private static final Path TEMPLATE = Path.of(System.getProperty("ghlake.basedir", "."),
      "templates", "lambda", "template.yaml");
  private static final Set<String> SCOPING_PARAMETERS =
      Set.of("LakeBucket", "LakePrefix", "ArchiveBucket", "ArchivePrefix", "SlackWebhookSecretArn", "KmsKeyArn",
          "GlueDatabase");

  private final Map<String, Object> template = read();
  private final Map<String, Object> resources = (Map<String, Object>) template.get("Resources");
  private final Map<String, Object> parameters = (Map<String, Object>) template.get("Parameters");
  private final Map<String, Object> function = props("LoadFunction");

  private static Map<String, Object> read() {
    try {
      return CloudFormationYaml.read(TEMPLATE);
    } catch (Exception e) {
      throw new AssertionError("cannot read " + TEMPLATE, e);
    }
  }

  private Map<String, Object> props(String resource) {
    return (Map<String, Object>) ((Map<String, Object>) resources.get(resource)).get("Properties");
  }

  @Test
  public void theHandlerIsTheRealClassAndTheCodeIsTheBuiltZip() throws Exception {
    String handler = (String) function.get("Handler");
    String[] classAndMethod = handler.split("::");
    Class<?> c = Class.forName(classAndMethod[0]);
    assertTrue(RequestStreamHandler.class.isAssignableFrom(c));
    assertEquals("handleRequest", classAndMethod[1]);
    c.getMethod(classAndMethod[1], InputStream.class, OutputStream.class, Context.class);
    Path codeUri = TEMPLATE.getParent().resolve((String) function.get("CodeUri")).normalize();
    assertEquals(Path.of(System.getProperty("ghlake.lambda.zip")).normalize(), codeUri);
    assertEquals(900, function.get("Timeout"));
  }

  @Test
  public void theRuntimeIsOneCloudFormationKnowsAndRunsOnAmazonLinux2023() throws Exception {
    Map<String, Object> runtime = parameter(ref(function.get("Runtime")));
    assertEquals("java21", runtime.get("Default"));
    List<String> allowed = (List<String>) runtime.get("AllowedValues");
    assertTrue(allowed.contains("java21") && allowed.contains("java25"));
    JsonNode schema = new ObjectMapper().readTree(Path.of(System.getProperty("ghlake.aws.schemas",
        "../shared/data/aws-schemas"), "cloudformation", "aws-lambda-function.json").toFile());
    Set<String> known = new HashSet<>();
    schema.path("properties").path("Runtime").path("enum").forEach(v -> known.add(v.asText()));
    for (String value : allowed) {
      assertTrue(value + " is not a runtime of AWS::Lambda::Function", known.contains(value));
      // Amazon Linux 2's Java runtimes can no longer be deployed (no new functions from
      // 2026-07-31, no updates from 2026-08-31; Lambda's runtime table)
      assertFalse(value, Set.of("java8", "java8.al2", "java11", "java17").contains(value));
    }
  }

  @Test
  public void memoryStorageAndTheScheduleAreSetAndTheScheduleSendsWhatTheHandlerReads() throws Exception {
    int memory = (Integer) parameter(ref(function.get("MemorySize"))).get("Default");
    assertTrue(memory >= 2048 && memory <= 10240);
    Map<String, Object> storage = (Map<String, Object>) function.get("EphemeralStorage");
    assertTrue((Integer) parameter(ref(storage.get("Size"))).get("Default") >= 4096);
    Map<String, Object> events = (Map<String, Object>) function.get("Events");
    assertEquals(1, events.size());
    Map<String, Object> event = (Map<String, Object>) events.values().iterator().next();
    assertEquals("ScheduleV2", event.get("Type"));
    Map<String, Object> schedule = (Map<String, Object>) event.get("Properties");
    assertTrue(((String) parameter(ref(schedule.get("ScheduleExpression"))).get("Default")).startsWith("cron("));
    assertEquals("UTC", schedule.get("ScheduleExpressionTimezone"));
    assertTrue(schedule.containsKey("RetryPolicy") && schedule.containsKey("DeadLetterConfig"));
    assertEquals("a name of its own in every stack", true, schedule.get("OmitName"));
    String input = ((String) schedule.get("Input")).replace("<aws.scheduler.scheduled-time>", "2024-07-02T07:15:00Z");
    LambdaEvent parsed = LambdaEvent.of(new ObjectMapper().readTree(input));
    assertTrue("the handler reads the schedule's input as a scheduled load", parsed.isScheduled());
    Map<String, Object> invoke = (Map<String, Object>) function.get("EventInvokeConfig");
    assertTrue(((Map<String, Object>) invoke.get("DestinationConfig")).containsKey("OnFailure"));
    // the scheduler invokes asynchronously: Lambda's own retries are the ones a failed load gets
    assertTrue((Integer) parameter(ref(invoke.get("MaximumRetryAttempts"))).get("Default") >= 1);
  }

  @Test
  public void theEnvironmentIsWhatTheHandlerReads() throws Exception {
    Set<String> known = new HashSet<>();
    for (Field f : LambdaConfig.class.getDeclaredFields()) {
      if (f.getType() == String.class && java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
        f.setAccessible(true);
        known.add((String) f.get(null));
      }
    }
    Map<String, Object> vars = CloudFormationYaml.environmentVariables(template, "LoadFunction");
    for (String name : vars.keySet()) {
      assertTrue(name + " is read by the handler", known.contains(name) || name.equals("JAVA_TOOL_OPTIONS"));
    }
    assertTrue(vars.containsKey(LambdaConfig.OUTPUT));
  }

  /** The java17 runtime's default stops at C1, which a minutes-long load pays for. */
  @Test
  public void theFunctionsJvmCompilesWithC2() {
    List<String> flags = functionJvmFlags();
    assertTrue(flags.toString(), flags.contains("-XX:TieredStopAtLevel=4"));
    assertTrue(flags.toString(), flags.contains("-XX:+UseParallelGC"));
  }

  /** ParallelGC alone keeps any free space in the old generation; at 40 % it gives back the rest. */
  @Test
  public void theFunctionsHeapGivesBackWhatAFullCollectionFrees() {
    List<String> flags = functionJvmFlags();
    assertTrue(flags.toString(), flags.contains("-XX:MaxHeapFreeRatio=40"));
  }

  /** The load function's JVM flags, as its {@code JAVA_TOOL_OPTIONS} gives them. */
  private List<String> functionJvmFlags() {
    Map<String, Object> vars = CloudFormationYaml.environmentVariables(template, "LoadFunction");
    return List.of(((String) vars.get("JAVA_TOOL_OPTIONS")).trim().split("\\s+"));
  }

  @Test
  public void permissionsReachOnlyTheLakeTheArchiveTheSecretAndTheQueue() {
    List<Object> statements = new ArrayList<>();
    for (Object policy : (List<Object>) function.get("Policies")) {
      statements.addAll((List<Object>) ((Map<String, Object>) policy).get("Statement"));
    }
    int checked = IamStatements.checkScoped(statements, (statement, refs) -> {
      for (String r : refs) {
        assertTrue(r + " in " + statement, SCOPING_PARAMETERS.contains(r) || r.equals("FailedLoads"));
      }
      if (statement.get("Resource").toString().contains("s3:::")
          && statement.get("Action").toString().contains("PutObject")) {
        assertTrue("lake writes are under its prefix", refs.contains("LakePrefix"));
      }
    });
    assertTrue(checked >= 5);
  }

  @Test
  public void logsAreKeptForAWhileAndErrorsRaiseAnAlarm() {
    assertTrue(props("LoadLogGroup").containsKey("RetentionInDays"));
    Map<String, Object> alarm = props("LoadErrorsAlarm");
    assertEquals("Errors", alarm.get("MetricName"));
    assertEquals("AWS/Lambda", alarm.get("Namespace"));
  }

  /**
   * With a GlueDatabase the function commits {@code <database>.events} and may change that table
   * only: the options and the grant name the same table, and a valid --icebergTable.
   */
  @Test
  public void theIcebergTableTheFunctionCommitsIsTheOneItMayUpdate() {
    String options = CloudFormationYaml.environmentVariables(template, "LoadFunction").get(LambdaConfig.OPTIONS).toString();
    assertTrue(options, options.contains("--table=iceberg --icebergCatalog=glue --icebergTable=${GlueDatabase}.events"));
    List<Object> statements = new ArrayList<>();
    for (Object policy : (List<Object>) function.get("Policies")) {
      statements.addAll((List<Object>) ((Map<String, Object>) policy).get("Statement"));
    }
    Map<String, Object> glue = statements.stream().flatMap(st -> IamStatements.branches(st).stream())
        .filter(st -> "IcebergTableInGlue".equals(st.get("Sid"))).findFirst().orElseThrow();
    assertTrue(glue.get("Action").toString(), glue.get("Action").toString().contains("glue:UpdateTable")
        && !glue.get("Action").toString().contains("Delete") && !glue.get("Action").toString().contains("*"));
    assertTrue(glue.get("Resource").toString(), glue.get("Resource").toString().contains(":table/${GlueDatabase}/events}"));
    String pattern = (String) ((Map<String, Object>) parameters.get("GlueDatabase")).get("AllowedPattern");
    assertTrue("a Glue database name ghlake accepts", "ghlake".matches(pattern) && !"ghlake.x".matches(pattern));
  }

  /** Each alarm tells the topic; those on ghlake's metrics name metrics the function emits. */
  @Test
  public void everyAlarmReachesTheTopicAndWatchesAMetricTheFunctionEmits() throws Exception {
    Map<String, Object> vars = CloudFormationYaml.environmentVariables(template, "LoadFunction");
    String namespace = (String) vars.get(LambdaConfig.METRICS_NAMESPACE);
    String emitted = new LoadMetrics(namespace, "f").failed(0);
    int alarms = 0;
    int ours = 0;
    for (Map.Entry<String, Object> r : resources.entrySet()) {
      Map<String, Object> resource = (Map<String, Object>) r.getValue();
      if (!"AWS::CloudWatch::Alarm".equals(resource.get("Type"))) {
        continue;
      }
      alarms++;
      Map<String, Object> p = (Map<String, Object>) resource.get("Properties");
      assertTrue(r.getKey() + " has actions", p.get("AlarmActions") instanceof List<?> l && !l.isEmpty());
      assertTrue(p.get("AlarmActions").toString().contains("AlarmTopic"));
      if (namespace.equals(p.get("Namespace"))) {
        ours++;
        JsonNode line = new ObjectMapper().readTree(emitted);
        assertTrue(r.getKey() + " watches " + p.get("MetricName") + ", which the function emits",
            line.has((String) p.get("MetricName")));
      }
    }
    assertTrue(alarms >= 4 && ours >= 2);
    assertTrue(resources.containsKey("AlarmTopic"));
  }

  private static String ref(Object expression) {
    return (String) ((Map<String, Object>) expression).get("Ref");
  }

  private Map<String, Object> parameter(String name) {
    return (Map<String, Object>) parameters.get(name);
  }
}
