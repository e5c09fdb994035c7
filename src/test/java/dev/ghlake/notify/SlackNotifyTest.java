package dev.ghlake.notify;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ghlake.GhLake;
import dev.ghlake.cli.CommandLine;
import dev.ghlake.run.GhLakeOptions;
import dev.ghlake.summary.RunSummary;
import dev.ghlake.testing.SlackServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** One Slack message per run, delivered through what Slack answers; never failing the data run. */
public class SlackNotifyTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @Rule public TemporaryFolder tmp = new TemporaryFolder();
  private SlackServer slack;

  @Before
  public void start() throws Exception {
    slack = new SlackServer();
  }

  @After
  public void stop() {
    slack.close();
  }

  private RunSummary run(String webhookUrl, String... extra) throws Exception {
    Path secret = tmp.newFile().toPath();
    Files.writeString(secret, webhookUrl);
    String[] base = {"--source=synthetic", "--syntheticEvents=2000", "--syntheticHours=2",
        "--output=" + tmp.newFolder().getPath(), "--progressSeconds=0", "--slackWebhook=file:" + secret};
    String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(extra))
        .toArray(String[]::new);
    return GhLake.run(CommandLine.options(args));
  }

  @Test
  public void theMessageCarriesTheRunsOwnNumbers() throws Exception {
    RunSummary s = run(slack.webhook("TOKEN1"));
    assertNull(s.notifyError());
    assertEquals(1, slack.payloads().size());
    JsonNode payload = JSON.readTree(slack.payloads().get(0));
    String fields = payload.at("/blocks/1/fields").toString();
    assertTrue(fields, fields.contains(String.format("*Read*\\n%,d", s.read())));
    assertTrue(fields, fields.contains(String.format("*Written*\\n%,d", s.written())));
    assertTrue(fields, fields.contains(String.format("*Duplicates*\\n%,d", s.duplicates())));
    assertTrue(payload.at("/blocks/2/elements/0/text").asText().contains(s.runId()));
  }

  @Test
  public void rateLimitsAndServerErrorsAreRetriedHonouringRetryAfter() throws Exception {
    slack.answerNext(429, 500);
    RunSummary s = run(slack.webhook("TOKEN2"));
    assertNull(s.notifyError());
    assertEquals(3, slack.payloads().size());
    long waitedMillis = (slack.times().get(1) - slack.times().get(0)) / 1_000_000;
    assertTrue("waited " + waitedMillis + " ms after a 429 with Retry-After: 1", waitedMillis >= 950);
    assertEquals(slack.payloads().get(0), slack.payloads().get(2));
  }

  @Test
  public void aDeadSlackNeverFailsTheDataRun() throws Exception {
    RunSummary s = run("http://127.0.0.1:9/services/T/B/TOKEN3", "--notifyAttempts=2");
    assertEquals(RunSummary.Status.success, s.status());
    assertNotNull(s.notifyError());
    assertTrue(s.notifyError(), s.notifyError().contains("cannot reach Slack")
        && !s.notifyError().contains("TOKEN3"));
  }

  @Test
  public void aRefusedMessageIsNotRetried() throws Exception {
    slack.answerNext(404);
    RunSummary s = run(slack.webhook("TOKEN4"));
    assertEquals(1, slack.payloads().size());
    assertTrue(s.notifyError(), s.notifyError().startsWith("Slack answered HTTP 404"));
  }
}
