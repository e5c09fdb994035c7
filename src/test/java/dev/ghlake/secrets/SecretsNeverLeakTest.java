package dev.ghlake.secrets;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import dev.ghlake.GhLake;
import dev.ghlake.cli.CommandLine;
import dev.ghlake.run.GhLakeOptions;
import dev.ghlake.summary.RunSummary;
import dev.ghlake.testing.AwsJsonServer;
import dev.ghlake.testing.SlackServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A whole run with its Slack webhook in Secrets Manager: the webhook's secret token must appear
 * nowhere, in console output, logs (at every level), the lake's files, the summary or Slack.
 */
public class SecretsNeverLeakTest {
  private static final String TOKEN = "xoxb-SECRET-TOKEN-4f9a2c";
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void theWebhookTokenAppearsNowhere() throws Exception {
    try (AwsJsonServer aws = new AwsJsonServer(); SlackServer slack = new SlackServer()) {
      aws.secret("ghlake/slack", "{\"webhook\":\"" + slack.webhook(TOKEN) + "\"}");
      String lake = tmp.newFolder("lake").getPath();
      Path summaryFile = tmp.getRoot().toPath().resolve("summary.json");
      List<String> captured = java.util.Collections.synchronizedList(new ArrayList<>()); // logs come from many threads

      RunSummary delivered = captureWhile(captured, () -> run(aws, lake, summaryFile));
      assertEquals(RunSummary.Status.success, delivered.status());
      assertEquals(1, slack.payloads().size());

      // and when Slack cannot be reached, the error path must not quote the URL either
      aws.secret("ghlake/slack", "{\"webhook\":\"http://127.0.0.1:9/services/T/B/" + TOKEN + "\"}");
      RunSummary undelivered = captureWhile(captured, () -> run(aws, lake, summaryFile));
      assertTrue(undelivered.notifyError() != null);

      List<String> places = new ArrayList<>(captured);
      places.addAll(slack.payloads());
      try (Stream<Path> files = Files.walk(tmp.getRoot().toPath())) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          places.add(f + ": " + new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
        }
      }
      assertTrue("something was captured", places.size() > 5);
      for (String place : places) {
        int at = place.indexOf(TOKEN);
        assertFalse("the secret leaked into: " + place.substring(0, Math.min(300, place.length()))
            + (at < 0 ? "" : " … near: " + place.substring(Math.max(0, at - 200), Math.min(place.length(), at + 50))),
            at >= 0);
      }
    }
  }

  /**
   * A webhook secret that is not a valid URL (a stray space pasted with it) stops the command
   * with exit 2 and says so, in a real process: its stderr must not quote the secret.
   */
  @Test
  public void aMalformedWebhookIsRefusedWithoutQuotingIt() throws Exception {
    Path log = tmp.getRoot().toPath().resolve("malformed.log");
    dev.ghlake.testing.GhLakeProcess p = dev.ghlake.testing.GhLakeProcess.start(log, List.of(),
        java.util.Map.of("HOOK", "https://hooks.slack.com/services/T0/B0/" + TOKEN + " copied"),
        "--source=synthetic", "--syntheticEvents=10", "--syntheticHours=1",
        "--output=" + tmp.newFolder("lake2"), "--slackWebhook=env:HOOK");
    assertEquals(2, p.waitFor(120));
    String said = p.output();
    assertTrue(said, said.contains("--slackWebhook") && said.contains("not a valid URL"));
    assertFalse(said, said.contains(TOKEN));
    assertFalse(said, said.contains("hooks.slack.com"));
  }

  private RunSummary run(AwsJsonServer aws, String lake, Path summaryFile) {
    return GhLake.run(CommandLine.options("--source=synthetic", "--syntheticEvents=500",
        "--syntheticHours=1", "--output=" + lake, "--progressSeconds=0", "--notifyAttempts=1",
        "--summaryFile=" + summaryFile, "--slackWebhook=secretsmanager:ghlake/slack#webhook",
        "--secretsManagerEndpoint=" + aws.endpoint(), "--awsRegion=us-east-1",
        "--awsCredentialsProvider={\"@type\":\"StaticCredentialsProvider\",\"accessKeyId\":\"t\","
            + "\"secretAccessKey\":\"t\"}"));
  }

  /** Runs with stdout, stderr and every log record (all levels) copied into {@code captured}. */
  private static RunSummary captureWhile(List<String> captured, java.util.function.Supplier<RunSummary> run) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    Logger root = Logger.getLogger("");
    Level level = root.getLevel();
    SimpleFormatter format = new SimpleFormatter();
    Handler logs = new Handler() {
      @Override
      public void publish(LogRecord r) {
        // the test's stand-ins for Slack and AWS receive the secret by design: not ghlake's logs
        if (!String.valueOf(r.getLoggerName()).startsWith("com.sun.net.httpserver")) {
          captured.add(r.getLoggerName() + ": " + format.format(r));
        }
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    logs.setLevel(Level.ALL);
    root.setLevel(Level.ALL);
    root.addHandler(logs);
    PrintStream tee = new PrintStream(console, true, StandardCharsets.UTF_8);
    System.setOut(tee);
    System.setErr(tee);
    try {
      return run.get();
    } finally {
      System.setOut(out);
      System.setErr(err);
      root.removeHandler(logs);
      root.setLevel(level);
      captured.add(console.toString(StandardCharsets.UTF_8));
    }
  }
}
