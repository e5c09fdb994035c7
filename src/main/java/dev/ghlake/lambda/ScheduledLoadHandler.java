package dev.ghlake.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ghlake.cli.ConsoleLogging;
import dev.ghlake.cli.ExitCode;
import dev.ghlake.summary.BatchSummary;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * ghlake as an AWS Lambda function: each invocation loads its windows on the DirectRunner, the
 * same orchestration as the command line, and answers with the summary as JSON. An invocation
 * whose load failed fails (so Lambda retries it, and its on-failure destination and Errors alarm
 * fire); an incomplete one does not. Either way one metric line ({@link LoadMetrics}) says how
 * it went. Nothing networked happens at init.
 */
public final class ScheduledLoadHandler implements RequestStreamHandler {
  private static final ObjectMapper JSON = new ObjectMapper();

  static {
    ConsoleLogging.configure();
    System.out.printf("ghlake: handler ready %d ms after the JVM started (Java %s)%n",
        ManagementFactory.getRuntimeMXBean().getUptime(), System.getProperty("java.version"));
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    LoadMetrics metrics = new LoadMetrics(
        System.getenv().getOrDefault(LambdaConfig.METRICS_NAMESPACE, "ghlake"), context.getFunctionName());
    Invocation.Outcome outcome;
    try {
      LambdaConfig config = LambdaConfig.from(System.getenv());
      LambdaEvent event = LambdaEvent.of(JSON.readTree(input));
      outcome = new Invocation(config, event, context, System.out).run();
    } catch (IOException | RuntimeException e) { // the invocation fails; the alarm still sees it
      System.out.println(metrics.failed(System.currentTimeMillis()));
      throw e;
    }
    BatchSummary batch = outcome.batch();
    System.out.println(metrics.of(batch, System.currentTimeMillis()));
    String json = batch.toJson();
    // as the command line's exit code would say, except suspect: the data is committed and a
    // retry would read the same files again, so LoadsSuspect raises its own alarm instead
    if (outcome.exit() != ExitCode.SUCCESS && outcome.exit() != ExitCode.SUSPECT) {
      throw new LoadFailedException(outcome.exit(), json);
    }
    output.write(json.getBytes(StandardCharsets.UTF_8));
  }

  /** The load failed (or left a gap the options do not let pass): the summary is the message. */
  static final class LoadFailedException extends RuntimeException {
    LoadFailedException(ExitCode exit, String summary) {
      super("ghlake: the load ended " + exit.name().toLowerCase(Locale.ROOT) + " (exit code "
          + exit.code() + "): " + summary, null, false, false);
    }
  }
}
