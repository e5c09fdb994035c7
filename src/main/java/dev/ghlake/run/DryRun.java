package dev.ghlake.run;

import dev.ghlake.commit.CommitForecast;
import dev.ghlake.model.HourWindow;
import dev.ghlake.model.PartitionPath;
import dev.ghlake.source.SourceOptions;
import dev.ghlake.source.SourcePlan;
import dev.ghlake.source.SourceUnit;
import dev.ghlake.storage.LakeStorage;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code --dryRun}: a run planned exactly as it would run (the same checks, the same listing of
 * the input), then said instead of done: what it would read, and what its commit would do to each
 * partition of its windows. Nothing is written: no start record, no lease, no staging, no
 * Slack message, no summary file. Only the input's listing and the lake's manifests are read.
 */
public final class DryRun {
  /** Lines of a long list shown before the rest is counted. */
  static final int SHOWN = 24;

  private DryRun() {}

  /**
   * Prints the plan of a run of the given windows (null: the options' --from/--to).
   *
   * @throws IOException when the input or the lake cannot be listed (bad options throw
   *     {@link IllegalArgumentException})
   */
  public static void print(GhLakeOptions options, List<HourWindow> windows, PrintStream out) throws IOException {
    String window = RunPlanner.check(options, windows);
    Prepare.storage(options);
    RunPlan plan = RunPlanner.plan(options, "dry-run", Instant.now(), windows);
    out.println("ghlake dry run: nothing is read but listings and manifests, nothing is written");
    out.println("  window      " + (window == null ? "none (every event of the input)" : window));
    out.println("  lake        " + plan.output() + " (partitions by " + options.getPartitionBy() + ")");
    source(plan.source(), options, out);
    partitions(plan, out);
    if (plan.table().enabled()) {
      out.println("  table       Iceberg table " + plan.table().tableName() + " (" + plan.table().catalog()
          + " catalog): the partitions replaced above, one snapshot (the catalog is not asked)");
    }
    out.flush();
  }

  private static void source(SourcePlan source, GhLakeOptions options, PrintStream out) {
    if (source.kind() == SourceOptions.SourceKind.bigquery) {
      out.println("  read        " + source.bigQuery().describe().strip().replace("\n", "\n              "));
      out.flush(); // the plan before the question, which may wait for BigQuery
      try {
        out.println("              " + CostGuard.ask(source.bigQuery(), options, Duration.ofSeconds(10)).describe().strip());
      } catch (Exception e) { // whatever stops the question is said, and the plan stands
        out.println("              (BigQuery could not be asked what the read costs: " + LakeStorage.describe(e) + ")");
      }
      return;
    }
    List<SourceUnit> present = source.units().stream().filter(u -> u.plannedBytes() != SourceUnit.MISSING).toList();
    long known = present.stream().mapToLong(SourceUnit::plannedBytes).filter(b -> b >= 0).sum();
    out.printf("  read        %,d %s%s%n", present.size(), what(source.kind()),
        known > 0 ? String.format(", %,.1f MB", known / 1e6) : "");
    list(present.stream().map(DryRun::unitLine).toList(), out);
    List<SourceUnit> missing = source.missingWindowHours();
    if (!missing.isEmpty()) {
      out.printf("  missing     %,d archive hour(s) of the window (--failOnMissing %s)%n", missing.size(),
          options.getFailOnMissing() ? "is set: the run would commit nothing" : "is not set");
      list(missing.stream().map(SourceUnit::location).toList(), out);
    }
  }

  private static String what(SourceOptions.SourceKind kind) {
    return kind == SourceOptions.SourceKind.synthetic ? "shard(s) of synthetic events" : "archive file(s)";
  }

  private static String unitLine(SourceUnit u) {
    return switch (u.kind()) {
      case FILE -> u.location() + (u.plannedBytes() >= 0 ? String.format("  %,.1f MB", u.plannedBytes() / 1e6) : "");
      case URL -> u.location() + "  (downloaded)";
      case SYNTHETIC -> u.name() + String.format("  %,d events", u.shard().count());
    };
  }

  private static void partitions(RunPlan plan, PrintStream out) throws IOException {
    if (plan.windows().isEmpty()) {
      out.println("  partitions  those the events read fall in (no --from/--to window): each replaced "
          + "when the run can vouch for it");
      return;
    }
    List<CommitForecast.Partition> forecast = CommitForecast.of(plan.commit(), missingHours(plan));
    Map<CommitForecast.Action, Integer> counts = new EnumMap<>(CommitForecast.Action.class);
    forecast.forEach(p -> counts.merge(p.action(), 1, Integer::sum));
    out.printf("  partitions  %,d: %d written new, %d replaced, %d kept as the lake has them%n",
        forecast.size(), counts.getOrDefault(CommitForecast.Action.WRITE, 0),
        counts.getOrDefault(CommitForecast.Action.REPLACE, 0), counts.getOrDefault(CommitForecast.Action.KEEP, 0));
    List<String> lines = new ArrayList<>();
    forecast.stream().filter(p -> p.action() == CommitForecast.Action.KEEP).forEach(p -> lines.add(p.line()));
    forecast.stream().filter(p -> p.action() != CommitForecast.Action.KEEP).forEach(p -> lines.add(p.line()));
    list(lines, out);
    out.println("  (reading may still keep a partition: a broken or foreign archive file, or a version "
        + "much smaller than the lake's)");
  }

  /** Each partition's hours whose archive files planning found missing. */
  private static Map<String, List<String>> missingHours(RunPlan plan) {
    Map<String, List<String>> out = new TreeMap<>();
    for (SourceUnit u : plan.source().missingWindowHours()) {
      for (String hour : u.hour().split(",")) {
        if (!hour.isEmpty()) {
          out.computeIfAbsent(PartitionPath.ofHour(hour, plan.commit().partitionBy()), k -> new ArrayList<>()).add(hour);
        }
      }
    }
    return out;
  }

  private static void list(List<String> lines, PrintStream out) {
    lines.stream().limit(SHOWN).forEach(l -> out.println("              " + l));
    if (lines.size() > SHOWN) {
      out.printf("              … and %,d more%n", lines.size() - SHOWN);
    }
  }
}
