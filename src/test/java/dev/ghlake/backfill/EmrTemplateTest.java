package dev.ghlake.backfill;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import dev.ghlake.testing.CloudFormationYaml;
import dev.ghlake.testing.IamStatements;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.runtime.util.EnvironmentInformation;
import org.junit.Test;

/** What can be checked offline of the EMR template: the Flink it runs, the jar, the permissions. */
@SuppressWarnings("unchecked")
public class EmrTemplateTest {
  private static final Path BASE = Path.of(System.getProperty("ghlake.basedir", "."));
  private static final Path TEMPLATE = BASE.resolve("templates/emr/template.yaml");
  /** EMR releases whose Flink is 1.19 (AWS's release notes): the one Beam 2.62's newest runner runs. */
  private static final Map<String, String> FLINK_OF_RELEASE = Map.of("emr-7.4.0", "1.19");
  private static final Set<String> SCOPING_PARAMETERS = Set.of("LakeBucket", "LakePrefix", "ArchiveBucket",
      "ArchivePrefix", "JarBucket", "JarKey", "LogBucket", "LogPrefix", "SlackWebhookSecretArn", "GlueDatabase");

  private final Map<String, Object> template = read();
  private final Map<String, Object> resources = (Map<String, Object>) template.get("Resources");
  private final Map<String, Object> parameters = (Map<String, Object>) template.get("Parameters");
  private final Map<String, Object> cluster = props("Cluster");

  @Test
  public void theReleaseRunsTheFlinkOfTheRunnerInThePom() throws Exception {
    Map<String, Object> release = (Map<String, Object>) parameters.get("ReleaseLabel");
    List<String> allowed = (List<String>) release.get("AllowedValues");
    assertTrue(allowed.contains(release.get("Default")));
    Matcher runner = Pattern.compile("<artifactId>beam-runners-flink-(1\\.[0-9]+)</artifactId>")
        .matcher(Files.readString(BASE.resolve("pom.xml")));
    assertTrue("the pom names a Flink runner", runner.find());
    String pomFlink = runner.group(1);
    for (String label : allowed) {
      assertEquals(label + " runs the Flink the pom's runner is built for", pomFlink, FLINK_OF_RELEASE.get(label));
    }
    assertTrue("the runner's Flink on the test classpath is " + pomFlink,
        EnvironmentInformation.getVersion().startsWith(pomFlink + "."));
    assertEquals(List.of(Map.of("Name", "Flink")), cluster.get("Applications"));
    assertTrue(((Map<String, Object>) cluster.get("AutoTerminationPolicy")).containsKey("IdleTimeout"));
    assertTrue(cluster.containsKey("LogUri"));
  }

  @Test
  public void theStepRunsTheBackfillFromTheJarOnS3InYarnApplicationMode() throws Exception {
    Map<String, Object> step = ((List<Map<String, Object>>) cluster.get("Steps")).get(0);
    Map<String, Object> jarStep = (Map<String, Object>) step.get("HadoopJarStep");
    assertEquals("command-runner.jar", jarStep.get("Jar"));
    List<Object> args = (List<Object>) jarStep.get("Args");
    Map<String, Object> sub = (Map<String, Object>) args.get(2);
    String script = (String) ((List<Object>) sub.get("Fn::Sub")).get(0);
    assertTrue(script, script.contains("aws s3 cp s3://${JarBucket}/${JarKey} "));
    assertTrue(script, script.contains("flink run -t yarn-application"));
    Matcher main = Pattern.compile("-c ([a-zA-Z.]+) ").matcher(script);
    assertTrue(main.find());
    assertEquals(Backfill.class.getName(), main.group(1));
    Backfill.class.getMethod("main", String[].class);
    assertTrue(script.contains("--runner=FlinkRunner"));
    String jarKey = (String) ((Map<String, Object>) parameters.get("JarKey")).get("Default");
    assertTrue("the default key names the jar the build makes: " + jarKey,
        jarKey.endsWith("-bundled.jar") && Files.readString(BASE.resolve("pom.xml")).contains(
            "<shadedClassifierName>bundled</shadedClassifierName>"));
    for (String option : options(script)) {
      assertTrue(option + " is a ghlake option", known(option));
    }
  }

  @Test
  public void permissionsReachOnlyTheLakeTheArchiveTheJarTheLogsAndTheSecret() {
    Map<String, Object> role = props("NodeRole");
    List<Object> statements = new ArrayList<>();
    for (Object policy : (List<Object>) role.get("Policies")) {
      statements.addAll((List<Object>) ((Map<String, Object>) ((Map<String, Object>) policy)
          .get("PolicyDocument")).get("Statement"));
    }
    int checked = IamStatements.checkScoped(statements, (statement, refs) -> {
      assertTrue(statement.toString(), SCOPING_PARAMETERS.containsAll(refs));
      if (statement.get("Action").toString().contains("PutObject")) {
        assertTrue("writes only to the lake and the logs: " + statement,
            refs.contains("LakePrefix") || refs.contains("LogPrefix"));
      }
    });
    assertTrue(checked >= 7);
  }

  private static List<String> options(String script) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("--([a-zA-Z]+)=").matcher(script.substring(script.indexOf("Backfill ")));
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  /** Whether ghlake (a run's or the backfill's options) or the FlinkRunner has the option. */
  private static boolean known(String option) {
    String getter = "get" + Character.toUpperCase(option.charAt(0)) + option.substring(1);
    for (Class<?> c : List.of(dev.ghlake.run.GhLakeOptions.class, BackfillOptions.class,
        org.apache.beam.runners.flink.FlinkPipelineOptions.class)) {
      for (var m : c.getMethods()) {
        if (m.getName().equals(getter) || m.getName().equals("is" + getter.substring(3))) {
          return true;
        }
      }
    }
    return false;
  }

  private Map<String, Object> props(String resource) {
    return (Map<String, Object>) ((Map<String, Object>) resources.get(resource)).get("Properties");
  }

  private static Map<String, Object> read() {
    try {
      return CloudFormationYaml.read(TEMPLATE);
    } catch (Exception e) {
      throw new AssertionError("cannot read " + TEMPLATE, e);
    }
  }
}
