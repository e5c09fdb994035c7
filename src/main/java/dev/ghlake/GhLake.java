package dev.ghlake;

import dev.ghlake.cli.CommandLine;
import dev.ghlake.cli.ConsoleLogging;
import dev.ghlake.cli.ExitCode;
import dev.ghlake.model.Version;
import dev.ghlake.run.DryRun;
import dev.ghlake.run.GhLakeOptions;
import dev.ghlake.run.LakeRun;
import dev.ghlake.secrets.Redactor;
import dev.ghlake.storage.LakeStorage;
import dev.ghlake.summary.RunSummary;
import java.io.IOException;
import java.io.PrintStream;

/**
 * {@code ghlake run}: GH Archive events of a window into the lake, through the one orchestration
 * ({@link LakeRun}: plan, lease, the pipeline of {@link dev.ghlake.run.LakePipeline}, account,
 * report, notify), or with {@code --dryRun} what that run would do, said instead of done.
 */
public final class GhLake {
  private GhLake() {}

  public static void main(String[] args) {
    ConsoleLogging.configure();
    System.exit(execute(args, System.out, System.err));
  }

  /** The command's exit status ({@link dev.ghlake.cli.ExitCode}), for main and for tests. */
  public static int execute(String[] args, PrintStream out, PrintStream err) {
    if (java.util.Arrays.asList(args).contains("--version")) {
      out.println("ghlake " + Version.of());
      return ExitCode.SUCCESS.code();
    }
    try {
      GhLakeOptions options = CommandLine.options(args);
      if (options.getDryRun()) {
        return dryRun(options, out, err);
      }
      RunSummary summary = new LakeRun(options, out, err).execute();
      return CommandLine.exitCode(summary.status(), summary.notifyError(), options);
    } catch (IllegalArgumentException e) {
      err.println("ghlake: " + Redactor.redact(e.getMessage())); // whatever it quotes
      return ExitCode.USAGE.code();
    }
  }

  /** One run of the options, reported on the console and to Slack (tests and tools call this). */
  public static RunSummary run(GhLakeOptions options) {
    return new LakeRun(options, System.out, System.err).execute();
  }

  private static int dryRun(GhLakeOptions options, PrintStream out, PrintStream err) {
    try {
      DryRun.print(options, null, out);
      return ExitCode.SUCCESS.code();
    } catch (IOException e) {
      err.println("ghlake: the dry run could not list the input or the lake: " + LakeStorage.describe(e));
      return ExitCode.FAILED.code();
    }
  }
}
