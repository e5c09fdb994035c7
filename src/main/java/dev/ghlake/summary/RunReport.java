package dev.ghlake.summary;

import dev.ghlake.model.LakePaths;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.util.MimeTypes;

/** Prints a run summary for people, and writes it as JSON for schedulers. */
public final class RunReport {
  private RunReport() {}

  public static void print(RunSummary s, PrintStream out) {
    out.println();
    out.printf("ghlake run: %s%n", s.status().name().toUpperCase());
    if (!s.hasLedger()) {
      out.println("  (the run failed before its ledger: counts below are its live counters)");
    }
    out.printf("  read        %,14d events (%,.1f MB of archive files)%n", s.read(), s.sourceBytes() / 1e6);
    if (s.recoveredFromSharedLines() > 0) {
      out.printf("    of which  %,14d found on lines shared with other events%n", s.recoveredFromSharedLines());
    }
    out.printf("  written     %,14d%n", s.written());
    printBreakdown(out, "filtered", s.filtered());
    out.printf("  duplicates  %,14d%n", s.duplicates());
    out.printf("  outside     %,14d  (created outside the window)%n", s.outsideWindow());
    if (s.otherEra() > 0) {
      out.printf("    of which  %,14d of hours the other era's files hold (docs/eras.md)%n", s.otherEra());
    }
    printBreakdown(out, "rejected", s.rejected());
    if (s.hasLedger()) {
      out.printf("  accounted   %,14d  %s%n", s.accounted(),
          s.identityHolds() ? "(= read, for every source file: every event accounted for)"
              : "(DOES NOT ADD UP: see FAILED below)");
    }
    printVolume(out, s.partitions().size(), s.files(), s.bytes(), s.read(), s.seconds());
    printHoles(out, s.missingHours(), s.kept());
    s.incompletePartitions().forEach(p -> out.printf("  incomplete  %s%n", p));
    s.warnings().forEach(w -> out.printf("  WARNING     %s%n", w));
    s.findingLines().forEach(f -> out.printf("  DRIFT       %s%n", f));
    s.failures().forEach(f -> out.printf("  FAILED      %s%n", f));
    out.printf("  cost        %s%n", s.cost().describe());
    out.printf("  output      %s%n", s.output());
    if (s.table() != null) {
      out.printf("  table       %s%n", s.table());
    }
    if (s.files() > 0) {
      out.println();
      out.println("Query it with DuckDB:");
      out.printf("  duckdb -c \"SELECT type, count(*) AS events FROM read_parquet('%s/events/**/*.parquet', "
          + "hive_partitioning=true) GROUP BY type ORDER BY events DESC\"%n", LakePaths.trimmed(s.output()));
    }
  }

  /** A batch (backfill, Lambda invocation): totals, then a line per unit that was to run. */
  public static void print(BatchSummary b, PrintStream out) {
    out.println();
    out.printf("ghlake %s: %s%n", b.kind(), b.status().name().toUpperCase());
    out.printf("  units       %,14d (%,d success, %,d already complete, %,d incomplete, %,d failed, %,d not run)%n",
        b.units().size(), b.count(BatchSummary.UnitStatus.success), b.count(BatchSummary.UnitStatus.complete),
        b.count(BatchSummary.UnitStatus.incomplete), b.count(BatchSummary.UnitStatus.failed),
        b.count(BatchSummary.UnitStatus.not_run));
    out.printf("  runs        %,14d%s%n", b.runs().size(), b.runs().isEmpty() ? ""
        : b.identityHolds() ? "  (every run's accounting adds up)" : "  (NOT every run's accounting adds up: see below)");
    out.printf("  read        %,14d events%n", b.read());
    out.printf("  written     %,14d%n", b.written());
    printVolume(out, b.partitions(), b.files(), b.bytes(), b.read(), b.seconds());
    out.printf("  cost        %s%n", b.cost().describe());
    b.linesWorthReading().forEach(l -> out.printf("  unit        %s%n", l));
    printHoles(out, b.missingHours(), b.kept());
    b.failures().forEach(f -> out.printf("  FAILED      %s%n", f));
  }

  /** What a run or a batch made, and how fast. */
  private static void printVolume(PrintStream out, long partitions, long files, long bytes, long read, double seconds) {
    out.printf("  partitions  %,14d%n", partitions);
    out.printf("  files       %,14d (%,.1f MB)%n", files, bytes / 1e6);
    out.printf("  seconds     %14.1f (%,.0f events/s)%n", seconds, read / Math.max(0.001, seconds));
  }

  /** The hours that were missing and the partitions kept for them. */
  private static void printHoles(PrintStream out, List<String> missingHours, List<String> kept) {
    missingHours.forEach(f -> out.printf("  missing     %s%n", f));
    kept.forEach(p -> out.printf("  KEPT        %s (the lake's version stays)%n", p));
  }

  private static void printBreakdown(PrintStream out, String label, Map<String, Long> counts) {
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    out.printf("  %-11s %,14d%n", label, total);
    counts.forEach((reason, n) -> out.printf("    %-26s %,10d%n", reason, n));
  }

  /**
   * Writes the JSON summary to any Beam filesystem path: to a temporary name first, renamed over
   * the path when whole, so a full disk never leaves a truncated summary behind.
   */
  public static void writeJson(String json, String path) throws IOException {
    ResourceId target = FileSystems.matchNewResource(path, false);
    ResourceId temp = FileSystems.matchNewResource(path + ".tmp", false);
    try (OutputStream out = Channels.newOutputStream(FileSystems.create(temp, MimeTypes.TEXT))) {
      out.write(json.getBytes(StandardCharsets.UTF_8));
      out.write('\n');
    } catch (IOException e) {
      FileSystems.delete(List.of(temp), MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
      throw e;
    }
    FileSystems.rename(List.of(temp), List.of(target));
  }
}
