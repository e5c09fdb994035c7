package dev.ghlake;

import dev.ghlake.interactions.InteractionsOptions;
import dev.ghlake.interactions.InteractionsPlan;
import dev.ghlake.interactions.InteractionsPlanner;
import dev.ghlake.interactions.InteractionsRun;
import dev.ghlake.recommend.Baseline;
import dev.ghlake.recommend.EvaluationOptions;
import dev.ghlake.run.CommandLine;
import dev.ghlake.run.ConsoleLogging;
import dev.ghlake.run.ExitCode;
import dev.ghlake.run.GhLakeOptions;
import dev.ghlake.run.Prepare;
import dev.ghlake.run.RunIds;
import dev.ghlake.run.Version;
import dev.ghlake.secrets.Redactor;
import dev.ghlake.stage.StagingFolders;
import dev.ghlake.storage.LakeStorage;
import dev.ghlake.training.Export;
import dev.ghlake.training.ExportOptions;
import dev.ghlake.training.ExportPlan;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.beam.runners.direct.DirectRunner;

/**
 * {@code ghlake interactions --lake=<root> [--from --to] [--export=<dir> [--cutoff=<day>]]}: the
 * lake's events of a window into the interactions table, {@code <lake>/interactions/dt=<day>/};
 * with --export, its training set, and with --cutoff the baseline's offline evaluation
 * (docs/interactions.md).
 */
public final class InteractionsCommand {
  private InteractionsCommand() {}

  public static void main(String[] args) {
    ConsoleLogging.configure();
    System.exit(run(args, System.out, System.err));
  }

  /** Where a job stages: --stagingLocation, else local on the DirectRunner, else beside its output; old runs' staging removed. */
  private static String staging(GhLakeOptions options, String output) {
    String location = StagingFolders.location(options.getStagingLocation(), options.getRunner() == DirectRunner.class,
        output);
    StagingFolders.cleanAbandoned(location);
    return location;
  }

  /** 0 every day committed, 1 a day refused or the lake unreadable, 2 bad options. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    try {
      GhLakeOptions options = CommandLine.options(
          List.of(InteractionsOptions.class, ExportOptions.class, EvaluationOptions.class), args);
      InteractionsOptions table = options.as(InteractionsOptions.class);
      String lake = table.getLake();
      if (lake == null || lake.isBlank()) {
        throw new IllegalArgumentException("give the lake: --lake=<its root>, as --output named it");
      }
      if (table.getDaysPerJob() < 1 || table.getFilesPerDay() < 1 || table.getBotDailyInteractions() < 1) {
        throw new IllegalArgumentException("--daysPerJob, --filesPerDay and --botDailyInteractions must be 1 or more");
      }
      CommandLine.Days days = CommandLine.days(options);
      LocalDate from = days.from();
      LocalDate to = days.to();
      Prepare.storage(options);
      try {
        String runId = RunIds.next(Instant.now());
        InteractionsPlan plan = InteractionsPlanner.plan(lake, from, to, table.getRebuild(), runId, Version.of(),
            table.getBotDailyInteractions(), table.getFilesPerDay(),
            StagingFolders.forRun(staging(options, lake), "interactions-" + runId));
        InteractionsRun.Outcome outcome = InteractionsRun.run(plan, options, table.getDaysPerJob(), out);
        out.println("ghlake interactions: " + outcome.describe());
        if (!outcome.ok()) {
          return ExitCode.FAILED.code();
        }
        ExportOptions export = options.as(ExportOptions.class);
        if (export.getExport() != null) {
          ExportPlan exportPlan = Export.plan(lake, from, to, export,
              StagingFolders.forRun(staging(options, export.getExport()), "export-" + plan.runId()));
          Export.Written written = Export.run(exportPlan, options);
          out.println("ghlake interactions: exported " + written.describe());
          EvaluationOptions evaluation = options.as(EvaluationOptions.class);
          if (exportPlan.split() && evaluation.getEvaluate()) {
            out.print(written.trainPairs() == 0 || written.testPairs() == 0
                ? "ghlake interactions: no evaluation: a split holds no pair (bots and known repositories left out)\n"
                : Baseline.evaluate(export.getExport(), evaluation.getEvaluateUsers()));
          }
        }
        return ExitCode.SUCCESS.code();
      } catch (IOException e) {
        err.println("ghlake interactions failed: " + LakeStorage.describe(e));
        return ExitCode.FAILED.code();
      }
    } catch (IllegalArgumentException e) {
      err.println("ghlake interactions: " + Redactor.redact(e.getMessage()));
      return ExitCode.USAGE.code();
    }
  }
}
