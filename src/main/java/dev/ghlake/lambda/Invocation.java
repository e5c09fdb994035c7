package dev.ghlake.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import dev.ghlake.GhLake;
import dev.ghlake.GhLakeOptions;
import dev.ghlake.model.HourWindow;
import dev.ghlake.notify.Notifier;
import dev.ghlake.notify.SlackMessage;
import dev.ghlake.run.BatchSummary;
import dev.ghlake.run.CommandLine;
import dev.ghlake.run.LakeRun;
import dev.ghlake.run.RunReport;
import dev.ghlake.run.RunSummary;
import dev.ghlake.run.Version;
import dev.ghlake.storage.LakeStorage;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One invocation of the function: its windows (the schedule's with catch-up, or the manual one)
 * run one after another through the same orchestration as the command line, inside the
 * invocation's time budget, then reported to Slack once.
 */
final class Invocation {
  private final LambdaConfig config;
  private final LambdaEvent event;
  private final Context context;
  private final PrintStream log;

  Invocation(LambdaConfig config, LambdaEvent event, Context context, PrintStream log) {
    this.config = config;
    this.event = event;
    this.context = context;
    this.log = log;
  }

  BatchSummary run() throws IOException {
    long start = System.nanoTime();
    GhLakeOptions options = CommandLine.options(arguments());
    URI webhook = Notifier.webhook(options); // resolved now, at invocation time, never at init
    LakeStorage.configure(options);
    List<HourWindow> windows = event.isScheduled()
        ? LoadPlan.withCatchUp(config, event.scheduledTime(), options.getOutput(), options.getPartitionBy())
        : List.of(HourWindow.parse(event.from(), event.to()));
    BatchSummary batch = new BatchSummary(event.isScheduled() ? "scheduled load" : "manual load");
    Duration slowest = Duration.ZERO;
    for (HourWindow window : windows) {
      Duration left = Duration.ofMillis(context.getRemainingTimeInMillis());
      if (!LoadPlan.fits(left, slowest, config.safetyMargin())) {
        batch.notRun(window.toString(), "left for the next invocation: " + left.toSeconds()
            + " s left, the slowest window so far took " + slowest.toSeconds() + " s");
        continue;
      }
      long t0 = System.nanoTime();
      RunSummary run = new LakeRun(options, GhLake::pipeline, log, log).execute(List.of(window), false);
      RunReport.print(run, log);
      slowest = max(slowest, Duration.ofNanos(System.nanoTime() - t0));
      if (run.isRefused()) {
        batch.notRun(window.toString(), "skipped: " + run.failures().get(0));
      } else {
        batch.ran(window.toString(), run);
      }
    }
    batch.seconds((System.nanoTime() - start) / 1e9);
    if (!batch.units().isEmpty()) {
      batch.recordNotifyError(Notifier.notify(SlackMessage.of(batch, Version.of()), webhook,
          options.getNotifyAttempts(), log));
    }
    return batch;
  }

  /** The function's options, the event's over them (a manual run may change any of them). */
  private String[] arguments() {
    Map<String, String> byName = new LinkedHashMap<>();
    for (String o : config.options()) {
      byName.put(name(o), o);
    }
    for (String o : event.options()) {
      byName.put(name(o), o);
    }
    List<String> args = new ArrayList<>(byName.values());
    args.add("--progressSeconds=0"); // Lambda logs are no terminal
    return args.toArray(new String[0]);
  }

  private static String name(String option) {
    int eq = option.indexOf('=');
    return eq < 0 ? option : option.substring(0, eq);
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
