package dev.ghlake.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import dev.ghlake.cli.CommandLine;
import dev.ghlake.cli.ExitCode;
import dev.ghlake.cost.Prices;
import dev.ghlake.cost.RunCost;
import dev.ghlake.model.HourWindow;
import dev.ghlake.model.RunIds;
import dev.ghlake.model.Version;
import dev.ghlake.report.HealthReport;
import dev.ghlake.run.DryRun;
import dev.ghlake.run.GhLakeOptions;
import dev.ghlake.run.LakeBatch;
import dev.ghlake.run.Prepare;
import dev.ghlake.source.SourceOptions;
import dev.ghlake.storage.LakeStorage;
import dev.ghlake.summary.BatchSummary;
import dev.ghlake.summary.RunReport;
import dev.ghlake.summary.RunSummary;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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

  /** What the invocation did, and the exit code the command line would have ended with. */
  record Outcome(BatchSummary batch, ExitCode exit) {}

  Outcome run() throws IOException {
    long t0 = System.nanoTime();
    double init = InvocationCost.initSeconds(System.currentTimeMillis());
    GhLakeOptions options = CommandLine.options(arguments());
    if (options.getSource() == SourceOptions.SourceKind.bigquery) {
      // the package leaves BigQuery's gRPC client out to stay far under Lambda's size limit
      // (src/assembly/lambda.xml, lambda-slim.xml): say so, not NoClassDefFoundError
      throw new IllegalArgumentException("--source=bigquery does not run in the Lambda function, whose "
          + "package leaves out BigQuery's client: run it from the command line (ghlake run "
          + "--source=bigquery) or as a backfill on Flink (docs/bigquery.md, docs/backfill.md)");
    }
    LakeBatch batch = new LakeBatch(options, log, log); // secrets resolved now, never at init
    BatchSummary summary = new BatchSummary(event.isScheduled() ? "scheduled load" : "manual load");
    HourWindow own = event.isScheduled() ? LoadPlan.scheduled(config, event.scheduledTime())
        : HourWindow.parse(event.from(), event.to());
    List<HourWindow> windows;
    try {
      Prepare.storage(options);
      windows = event.isScheduled()
          ? LoadPlan.withCatchUp(config, event.scheduledTime(), options.getOutput(), options.getPartitionBy())
          : List.of(own);
    } catch (IOException | RuntimeException e) { // the lake cannot be read or set up: said, as a run
      summary.ran(RunSummary.failed(RunIds.next(Instant.now()), options.getOutput(), own.toString(),
          "the invocation could not plan its loads: " + LakeStorage.describe(e), null, 0),
          List.of(own), options.getPartitionBy());
      windows = List.of();
    }
    if (options.getDryRun()) { // a manual event's --dryRun: the plans in the log, nothing loaded
      return dryRun(options, windows, summary);
    }
    batch.run(summary, windows.stream().map(List::of).toList(), this::outOfTime,
        (done, jobs, run, soFar) -> RunReport.print(run, log));
    refreshReport(options.getOutput(), windows, summary);
    double seconds = InvocationCost.billedSeconds(t0) + init;
    summary.recordLambda(RunCost.lambda(InvocationCost.gbSeconds(context, seconds),
        InvocationCost.ephemeralGbSeconds(seconds), InvocationCost.arm64(), Prices.of(options.getPrices())));
    batch.report(summary);
    return new Outcome(summary, ExitCode.of(summary.status(), summary.notifyError(),
        options.getFailOnIncomplete(), options.getFailOnNotifyError()));
  }

  /** The lake's health page after the loads, its place in the batch's message; a failure is said, not thrown. */
  private void refreshReport(String output, List<HourWindow> windows, BatchSummary summary) {
    if (config.reportDays() == 0 || windows.isEmpty()) { // off, or nothing could be planned
      return;
    }
    try { // the days up to the last one loaded
      LocalDate end = windows.stream().map(w -> w.to().minusHours(1).toLocalDate()).max(LocalDate::compareTo)
          .orElseThrow().plusDays(1);
      HealthReport.Written page = HealthReport.write(output, end.minusDays(config.reportDays()), end, null,
          Version.of());
      summary.recordReport(page.path());
      log.println("ghlake: health report " + page.describe());
    } catch (IOException | RuntimeException e) { // the loads stand; the report is the next one's
      log.println("ghlake: the health report could not be refreshed: " + LakeStorage.describe(e));
    }
  }

  private Outcome dryRun(GhLakeOptions options, List<HourWindow> windows, BatchSummary summary) throws IOException {
    for (HourWindow w : windows) {
      DryRun.print(options, List.of(w), log);
      summary.notRun(w, "--dryRun");
    }
    return new Outcome(summary, ExitCode.SUCCESS);
  }

  /** A window starts only if the slowest one so far, and a margin, fit in the time left. */
  private String outOfTime(Duration slowest, BatchSummary soFar) {
    Duration left = Duration.ofMillis(context.getRemainingTimeInMillis());
    return LoadPlan.fits(left, slowest, config.safetyMargin()) ? null
        : "left for the next invocation: " + left.toSeconds() + " s left, the slowest window so far took "
            + slowest.toSeconds() + " s";
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

}
