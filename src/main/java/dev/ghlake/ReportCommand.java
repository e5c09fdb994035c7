package dev.ghlake;

import dev.ghlake.cli.CommandLine;
import dev.ghlake.cli.ConsoleLogging;
import dev.ghlake.cli.ExitCode;
import dev.ghlake.model.Version;
import dev.ghlake.report.HealthReport;
import dev.ghlake.report.ReportOptions;
import dev.ghlake.run.GhLakeOptions;
import dev.ghlake.run.Prepare;
import dev.ghlake.secrets.Redactor;
import dev.ghlake.storage.LakeStorage;
import java.io.IOException;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code ghlake report --lake=<root> [--from --to] [--out=<file.html>]}: the lake's health as one
 * self-contained HTML page, read from its manifests and run records (docs/report.md).
 */
public final class ReportCommand {
  private ReportCommand() {}

  public static void main(String[] args) {
    ConsoleLogging.configure();
    System.exit(run(args, System.out, System.err));
  }

  /** 0 written, 1 the lake could not be read or the page written, 2 bad options. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    try {
      GhLakeOptions options = CommandLine.options(List.of(ReportOptions.class), args);
      ReportOptions report = options.as(ReportOptions.class);
      if (report.getLake() == null || report.getLake().isBlank()) {
        throw new IllegalArgumentException("give the lake: --lake=<its root>, as --output named it");
      }
      CommandLine.Days days = CommandLine.days(options);
      LocalDate from = days.from();
      LocalDate to = days.to();
      Prepare.storage(options);
      try {
        out.println("ghlake report: " + HealthReport.write(report.getLake(), from, to, report.getOut(),
            Version.of()).describe());
        return ExitCode.SUCCESS.code();
      } catch (IOException | RuntimeException e) { // the lake or the page's place: said, exit 1
        err.println("ghlake report failed: " + LakeStorage.describe(e));
        return ExitCode.FAILED.code();
      }
    } catch (IllegalArgumentException e) {
      err.println("ghlake report: " + Redactor.redact(e.getMessage()));
      return ExitCode.USAGE.code();
    }
  }
}
