package dev.ghlake.summary;

import dev.ghlake.cost.RunCost;
import dev.ghlake.model.HourWindow;
import dev.ghlake.model.PartitionBy;
import dev.ghlake.model.PartitionPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Several runs reported as one (a backfill, a Lambda invocation with catch-up): each unit's
 * outcome (what its run did with its partitions, or why it was not run), each run's summary,
 * the totals, and the status that follows. Slack hears about the batch once.
 */
public final class BatchSummary {

  /** A unit's outcome; {@code complete} is a unit skipped because the lake holds it complete. */
  public enum UnitStatus {
    success,
    incomplete,
    failed,
    not_run,
    complete
  }

  /**
   * What became of one unit (one window of the batch).
   *
   * @param runId the run that loaded it, null when none did
   * @param note why it is not a success: the run's first failure, the partitions kept, or why it was not run
   */
  public record Unit(String window, UnitStatus status, long written, int partitions, String runId, String note) {}

  private final String kind;
  private final List<Unit> units = new ArrayList<>();
  private final List<RunSummary> runs = new ArrayList<>();
  private double seconds;
  private String notifyError;

  /** {@code kind}: what the batch is, as reports name it ("backfill", "scheduled load"). */
  private String report;
  private RunCost invocation = RunCost.NONE;

  public BatchSummary(String kind) {
    this.kind = kind;
  }

  /** A run of some units: each unit's outcome is what the run did with that unit's partitions. */
  public void ran(RunSummary run, List<HourWindow> windows, PartitionBy by) {
    if (run.isRefused()) {
      windows.forEach(w -> notRun(w, "another run holds it: " + first(run.failures())));
      return;
    }
    runs.add(run);
    for (HourWindow w : windows) {
      Set<String> partitions = new HashSet<>(PartitionPath.inWindow(w, by));
      PartitionSlice slice = run.slice(partitions);
      if (run.status() == RunSummary.Status.failed) {
        units.add(new Unit(w.toString(), UnitStatus.failed, slice.written(), slice.committed(),
            run.runId(), first(run.failures())));
      } else if (slice.kept() > 0 || slice.incomplete() > 0) {
        units.add(new Unit(w.toString(), UnitStatus.incomplete, slice.written(), slice.committed(),
            run.runId(), slice.kept() + " partition(s) kept as the lake had them, " + slice.incomplete()
                + " committed incomplete"));
      } else {
        units.add(new Unit(w.toString(), UnitStatus.success, slice.written(), slice.committed(), run.runId(), null));
      }
    }
  }

  /** A unit not run, with why ("left for the next invocation", "--failFast"…). */
  public void notRun(HourWindow window, String why) {
    units.add(new Unit(window.toString(), UnitStatus.not_run, 0, 0, null, why));
  }

  /** A unit skipped because the lake holds it complete already. */
  public void complete(HourWindow window) {
    units.add(new Unit(window.toString(), UnitStatus.complete, 0, 0, null, "already complete in the lake"));
  }

  public void seconds(double value) {
    this.seconds = value;
  }

  public List<Unit> units() {
    return List.copyOf(units);
  }

  /** The units that were run or meant to be (those already complete left out). */
  public List<Unit> attempted() {
    return units.stream().filter(u -> u.status() != UnitStatus.complete).toList();
  }

  public List<RunSummary> runs() {
    return List.copyOf(runs);
  }

  public long count(UnitStatus status) {
    return units.stream().filter(u -> u.status() == status).count();
  }

  public String kind() {
    return kind;
  }

  public double seconds() {
    return seconds;
  }

  /** Failed if a unit failed; suspect if a run was; incomplete if a unit was, or was not run; else success. */
  public RunSummary.Status status() {
    if (count(UnitStatus.failed) > 0) {
      return RunSummary.Status.failed;
    }
    if (runs.stream().anyMatch(r -> r.status() == RunSummary.Status.suspect)) {
      return RunSummary.Status.suspect;
    }
    boolean whole = units.stream().allMatch(u -> u.status() == UnitStatus.success || u.status() == UnitStatus.complete);
    return whole ? RunSummary.Status.success : RunSummary.Status.incomplete;
  }

  public long read() {
    return runs.stream().mapToLong(RunSummary::read).sum();
  }

  public long written() {
    return runs.stream().mapToLong(RunSummary::written).sum();
  }

  public long files() {
    return runs.stream().mapToLong(RunSummary::files).sum();
  }

  public long bytes() {
    return runs.stream().mapToLong(RunSummary::bytes).sum();
  }

  public long partitions() {
    return runs.stream().mapToLong(r -> r.partitions().size()).sum();
  }

  /** Whether every run's accounting adds up (runs that failed before their ledger cannot say). */
  public boolean identityHolds() {
    return runs.stream().allMatch(RunSummary::identityHolds);
  }

  public List<String> missingHours() {
    Set<String> hours = new LinkedHashSet<>();
    runs.forEach(r -> hours.addAll(r.missingHours()));
    return List.copyOf(hours);
  }

  public List<String> kept() {
    return runs.stream().flatMap(r -> r.kept().stream()).toList();
  }

  /** Each failed run's window with its failures. */
  public List<String> failures() {
    return runs.stream().filter(r -> r.status() == RunSummary.Status.failed)
        .map(r -> r.window() + ": " + String.join("; ", r.failures())).toList();
  }

  /** Every attempted unit's line for a report: {@code window: status, counts} or why it was not run. */
  public List<String> lines() {
    return lines(true);
  }

  /**
   * Report lines of the attempted units; a long batch shows only the units that need attention
   * (the summary file lists them all).
   */
  public List<String> linesWorthReading() {
    return lines(attempted().size() <= 30);
  }

  private List<String> lines(boolean all) {
    List<String> out = new ArrayList<>();
    for (Unit u : attempted()) {
      if (!all && u.status() == UnitStatus.success) {
        continue;
      }
      out.add(u.status() == UnitStatus.not_run ? u.window() + ": not run, " + u.note()
          : String.format("%s: %s, written %,d in %d partition(s)%s", u.window(), u.status(),
              u.written(), u.partitions(), u.note() == null ? "" : " (" + u.note() + ")"));
    }
    return out;
  }

  /** The batch's cost: its runs', and the Lambda invocation's duration when it ran in one. */
  public RunCost cost() {
    RunCost sum = runs.stream().map(RunSummary::cost).reduce(RunCost.NONE, RunCost::plus);
    return sum.plus(invocation);
  }

  /** The Lambda invocation's GB-seconds (memory and ephemeral storage above 512 MB). */
  public void recordLambda(RunCost duration) {
    invocation = duration;
  }

  /** Where the health page refreshed after the batch is (the Lambda's), for the message. */
  public void recordReport(String path) {
    this.report = path;
  }

  public String report() {
    return report;
  }

  public void recordNotifyError(String error) {
    this.notifyError = error;
  }

  public String notifyError() {
    return notifyError;
  }

  /** The summary as JSON (see {@link SummaryJson}). */
  public String toJson() {
    return SummaryJson.of(this);
  }


  private static String first(List<String> items) {
    return items.isEmpty() ? "" : items.get(0);
  }

}
