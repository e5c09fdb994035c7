package dev.ghlake.lambda;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ghlake.cli.ExitCode;
import dev.ghlake.source.synthetic.SyntheticPlan;
import dev.ghlake.testing.SlackServer;
import dev.ghlake.testing.TestArchives;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * An invocation whose loads cannot even be planned (issue 25: the lake's records unreadable)
 * still ends as a reported batch: its summary says why, Slack hears of it once, and the
 * invocation fails. It used to throw before its report: no Slack message, no summary.
 */
public class InvocationTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void aLakeThatCannotBeReadForCatchUpIsAFailedBatchThatSlackHearsOf() throws Exception {
    Path lake = tmp.newFolder("lake").toPath();
    Path manifest = lake.resolve("events/dt=2024-06-30/hour=05/_manifest.json");
    Files.createDirectories(manifest.getParent());
    Files.writeString(manifest, "{}"); // not a manifest: its file list is missing
    try (SlackServer slack = new SlackServer()) {
      Path hook = tmp.newFile("hook").toPath();
      Files.writeString(hook, slack.webhook("T0K3N"));
      LambdaConfig config = LambdaConfig.from(Map.of(LambdaConfig.OUTPUT, lake.toString(),
          LambdaConfig.INPUT, tmp.newFolder("archive").toString(),
          LambdaConfig.SLACK_WEBHOOK, "file:" + hook, LambdaConfig.CATCH_UP_DAYS, "2"));
      LambdaEvent event = LambdaEvent.of(new ObjectMapper().readTree("{\"scheduledTime\":\"2024-07-01T07:15:00Z\"}"));
      ByteArrayOutputStream log = new ByteArrayOutputStream();

      Invocation.Outcome o = new Invocation(config, event, new Remaining(600_000),
          new PrintStream(log, true, StandardCharsets.UTF_8)).run();

      assertEquals(ExitCode.FAILED, o.exit());
      assertEquals(1, o.batch().runs().size());
      String why = o.batch().failures().toString();
      assertTrue(why, why.contains("could not plan its loads") && why.contains(manifest.toString()));
      assertEquals(1, slack.payloads().size());
      assertTrue(slack.payloads().get(0), slack.payloads().get(0).contains("failed"));
    }
  }

  /** Issue 26: after its loads the function refreshes the lake's health page and says where it is. */
  @Test
  public void theLoadsAreFollowedByTheHealthReportWhichSlackIsToldOf() throws Exception {
    Path archive = tmp.newFolder("archive").toPath();
    TestArchives.write(archive, new SyntheticPlan(2_000, 2, "2024-07-01T00"), 5);
    Path lake = tmp.newFolder("lake").toPath();
    try (SlackServer slack = new SlackServer()) {
      Path hook = tmp.newFile("hook").toPath();
      Files.writeString(hook, slack.webhook("T0K3N"));
      Invocation.Outcome o = manualLoad(lake, archive, hook, Map.of());
      Path page = lake.resolve("_report/health.html");

      assertEquals(ExitCode.SUCCESS, o.exit());
      assertTrue(Files.isRegularFile(page));
      String html = Files.readString(page);
      assertTrue(html, html.contains("data-hour=\"2024-07-01T01\""));
      assertEquals(page.toString(), o.batch().report());
      assertTrue(slack.payloads().get(0), slack.payloads().get(0).contains("Health report: " + page));

      Files.delete(page);
      manualLoad(lake, archive, hook, Map.of(LambdaConfig.REPORT, "off"));
      assertFalse("GHLAKE_REPORT=off", Files.exists(page));
    }
  }

  private Invocation.Outcome manualLoad(Path lake, Path archive, Path hook, Map<String, String> more) throws Exception {
    Map<String, String> env = new java.util.HashMap<>(Map.of(LambdaConfig.OUTPUT, lake.toString(),
        LambdaConfig.INPUT, archive.toString(), LambdaConfig.SLACK_WEBHOOK, "file:" + hook,
        LambdaConfig.OPTIONS, "--partitionBy=hour --latenessHours=0"));
    env.putAll(more);
    LambdaEvent event = LambdaEvent.of(new ObjectMapper().readTree(
        "{\"from\":\"2024-07-01T00\",\"to\":\"2024-07-01T02\"}"));
    return new Invocation(LambdaConfig.from(env), event, new Remaining(600_000),
        new PrintStream(OutputStream.nullOutputStream())).run();
  }

  /** The invocation's time budget, as Lambda's context gives it; the rest is not read. */
  private record Remaining(int millis) implements Context {
    @Override public int getRemainingTimeInMillis() {
      return millis;
    }

    @Override public String getAwsRequestId() {
      return "req";
    }

    @Override public String getLogGroupName() {
      return "group";
    }

    @Override public String getLogStreamName() {
      return "stream";
    }

    @Override public String getFunctionName() {
      return "ghlake-test";
    }

    @Override public String getFunctionVersion() {
      return "$LATEST";
    }

    @Override public String getInvokedFunctionArn() {
      return "arn:aws:lambda:us-east-1:123456789012:function:ghlake-test";
    }

    @Override public CognitoIdentity getIdentity() {
      return null;
    }

    @Override public ClientContext getClientContext() {
      return null;
    }

    @Override public int getMemoryLimitInMB() {
      return 1024;
    }

    @Override public LambdaLogger getLogger() {
      return null;
    }
  }
}
