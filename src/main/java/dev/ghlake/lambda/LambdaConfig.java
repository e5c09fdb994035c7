package dev.ghlake.lambda;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The function's configuration, from its environment (docs/lambda.md): where the
 * lake and the archive are, secret references, extra options, and the schedule's shape. Secrets
 * are only references here; they are resolved when an invocation runs, never at init.
 *
 * @param options the ghlake options every run of the function gets, as command-line arguments
 * @param hourly whether the schedule loads the last hours (else the last complete day)
 * @param hours how many complete hours an hourly invocation loads
 * @param reportDays days the health report refreshed after each load shows; 0: not refreshed
 */
record LambdaConfig(List<String> options, boolean hourly, int hours, Duration publicationDelay,
    int catchUpDays, Duration safetyMargin, int reportDays) {

  static final String OUTPUT = "GHLAKE_OUTPUT";
  static final String INPUT = "GHLAKE_INPUT";
  static final String SLACK_WEBHOOK = "GHLAKE_SLACK_WEBHOOK";
  static final String AWS_CREDENTIALS_SECRET = "GHLAKE_AWS_CREDENTIALS_SECRET";
  static final String OPTIONS = "GHLAKE_OPTIONS";
  static final String SCHEDULE = "GHLAKE_SCHEDULE";
  static final String HOURS = "GHLAKE_HOURS";
  static final String PUBLICATION_DELAY_MINUTES = "GHLAKE_PUBLICATION_DELAY_MINUTES";
  static final String CATCH_UP_DAYS = "GHLAKE_CATCH_UP_DAYS";
  static final String SAFETY_SECONDS = "GHLAKE_SAFETY_SECONDS";
  /** on (default) or off: the health report refreshed in the lake after each load. */
  static final String REPORT = "GHLAKE_REPORT";
  static final String REPORT_DAYS = "GHLAKE_REPORT_DAYS";
  /** The namespace of the function's metrics (read before the rest: a bad config is a metric too). */
  static final String METRICS_NAMESPACE = "GHLAKE_METRICS_NAMESPACE";

  /** Reads the environment; throws {@link IllegalArgumentException} naming the variable at fault. */
  static LambdaConfig from(Map<String, String> env) {
    List<String> options = new ArrayList<>();
    String output = env.get(OUTPUT);
    if (output == null || output.isBlank()) {
      throw new IllegalArgumentException(OUTPUT + " is not set: give the lake's root, s3://bucket/prefix");
    }
    options.add("--output=" + output);
    options.add("--input=" + env.getOrDefault(INPUT, "https://data.gharchive.org/"));
    if (has(env, SLACK_WEBHOOK)) {
      options.add("--slackWebhook=" + env.get(SLACK_WEBHOOK));
    }
    if (has(env, AWS_CREDENTIALS_SECRET)) {
      options.add("--awsCredentialsSecret=" + env.get(AWS_CREDENTIALS_SECRET));
    }
    if (has(env, OPTIONS)) {
      for (String o : env.get(OPTIONS).trim().split("\\s+")) {
        if (!o.startsWith("--")) {
          throw new IllegalArgumentException(OPTIONS + " holds '" + o + "': give ghlake options, "
              + "--name=value, separated by spaces");
        }
        options.add(o);
      }
    }
    String schedule = env.getOrDefault(SCHEDULE, "day");
    if (!schedule.equals("day") && !schedule.equals("hour")) {
      throw new IllegalArgumentException(SCHEDULE + "=" + schedule + " is not one of: day, hour");
    }
    String report = env.getOrDefault(REPORT, "on").strip();
    if (!report.equals("on") && !report.equals("off")) {
      throw new IllegalArgumentException(REPORT + "=" + report + " is not one of: on, off");
    }
    // 90 days by default: the report reads one manifest per partition, and a day's load should
    // not read five years of them (a whole lake's report: ghlake report, docs/report.md)
    int reportDays = number(env, REPORT_DAYS, 90, 1, 3660);
    return new LambdaConfig(List.copyOf(options), schedule.equals("hour"),
        number(env, HOURS, 1, 1, 168), Duration.ofMinutes(number(env, PUBLICATION_DELAY_MINUTES, 30, 0, 1440)),
        number(env, CATCH_UP_DAYS, 7, 0, 90), Duration.ofSeconds(number(env, SAFETY_SECONDS, 60, 0, 900)),
        report.equals("on") ? reportDays : 0);
  }

  private static boolean has(Map<String, String> env, String name) {
    return env.get(name) != null && !env.get(name).isBlank();
  }

  private static int number(Map<String, String> env, String name, int fallback, int min, int max) {
    String v = env.get(name);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below, with the range
    }
    throw new IllegalArgumentException(name + "=" + v + " must be a whole number from " + min + " to " + max);
  }
}
