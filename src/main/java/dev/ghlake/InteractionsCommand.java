package dev.ghlake;

import dev.ghlake.cli.CommandLine;
import dev.ghlake.cli.ConsoleLogging;
import dev.ghlake.cli.ExitCode;
import dev.ghlake.interactions.InteractionsOptions;
import dev.ghlake.interactions.InteractionsPlan;
import dev.ghlake.interactions.InteractionsPlanner;
import dev.ghlake.interactions.InteractionsRun;
import dev.ghlake.model.RunIds;
import dev.ghlake.model.Version;
import dev.ghlake.recommend.Baseline;
import dev.ghlake.recommend.EvaluationOptions;
import dev.ghlake.run.GhLakeOptions;
import dev.ghlake.run.LeaseKeeper;
import dev.ghlake.run.Prepare;
import dev.ghlake.secrets.Redactor;
import dev.ghlake.stage.StagingFolders;
import dev.ghlake.storage.LakeStorage;
import dev.ghlake.storage.Lease;
import dev.ghlake.storage.LeaseRefusedException;
import dev.ghlake.storage.Leases;
import dev.ghlake.training.Export;
import dev.ghlake.training.ExportOptions;
import dev.ghlake.training.ExportPlan;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
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

  /** The table of the window, then its export and evaluation when asked for. */
  private static int build(GhLakeOptions options, String lake, CommandLine.Days days, String runId, PrintStream out)
      throws IOException {
    InteractionsOptions table = options.as(InteractionsOptions.class);
    InteractionsPlan plan = InteractionsPlanner.plan(lake, days.from(), days.to(), table.getRebuild(), runId,
        Version.of(), table.getBotDailyInteractions(), table.getFilesPerDay(),
        StagingFolders.forRun(staging(options, lake), "interactions-" + runId));
    InteractionsRun.Outcome outcome = InteractionsRun.run(plan, options, table.getDaysPerJob(), out);
    out.println("ghlake interactions: " + outcome.describe());
    if (!outcome.ok()) {
      return ExitCode.FAILED.code();
    }
    ExportOptions export = options.as(ExportOptions.class);
    if (export.getExport() != null) {
      ExportPlan exportPlan = Export.plan(lake, days.from(), days.to(), export,
          StagingFolders.forRun(staging(options, export.getExport()), "export-" + runId));
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
  }

  /** 0 every day committed, 1 a day refused, the lake unreadable or held by another run, 2 bad options. */
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
      Prepare.storage(options);
      String runId = RunIds.next(Instant.now());
      Leases leases = Leases.of(options, lake);
      // one interactions run at a time on a lake: two would both replace a day's files and manifest
      try (Lease lease = leases == null ? null : leases.acquire(runId, "interactions", List.of(Leases.INTERACTIONS),
              Duration.ofSeconds(options.getLeaseWaitSeconds()), Duration.ofMinutes(options.getLeaseMinutes()));
          LeaseKeeper keeper = LeaseKeeper.start(lease)) {
        return build(options, lake, days, runId, out);
      } catch (LeaseRefusedException e) {
        err.println("ghlake interactions: not run: " + e.getMessage());
        return ExitCode.FAILED.code();
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
