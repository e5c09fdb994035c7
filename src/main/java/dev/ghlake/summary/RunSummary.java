package dev.ghlake.summary;

import dev.ghlake.accounting.SourceOutcome;
import dev.ghlake.accounting.Tally;
import dev.ghlake.commit.PartitionResult;
import dev.ghlake.commit.RunLedger;
import dev.ghlake.cost.RunCost;
import dev.ghlake.profile.DriftFinding;
import dev.ghlake.secrets.Redactor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a run did, from its ledger: the identity {@code read = written + filtered + duplicates +
 * outside_window + rejected}, checked in total and per source file, what was committed and what
 * was kept, what is missing, and the status that follows (docs/accounting.md). A run that
 * failed before its ledger reports the live counts it reached and says so.
 */
public final class RunSummary {
  /**
   * How the run ended: {@code success}, {@code incomplete} (data written, input missing),
   * {@code suspect} (data written, but it differs from the lake's baseline in a way that points
   * at GH Archive itself: an error-level drift finding) or {@code failed}.
   */
  public enum Status { success, incomplete, suspect, failed }

  private final String runId;
  private final String output;
  private final String window;
  private final RunLedger ledger;
  private final LiveCounts live;
  private final double seconds;
  private final List<String> failures = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private String notifyError;
  private String table;
  private boolean refused;
  private RunCost cost = RunCost.NONE;
  private Double startupSeconds;

  /** A run that left its ledger ({@code error} is null unless something failed after it). */
  public RunSummary(String runId, String output, String window, RunLedger ledger, double seconds,
      String error, RunLimits limits) {
    this(runId, output, window, ledger, null, seconds, error);
    if (ledger != null) {
      RunJudge.judge(this, ledger, limits, failures, warnings);
    }
  }

  private RunSummary(String runId, String output, String window, RunLedger ledger, LiveCounts live,
      double seconds, String error) {
    this.runId = runId;
    this.output = output;
    this.window = window;
    this.ledger = ledger;
    this.live = live;
    this.seconds = seconds;
    if (error != null) {
      failures.add(Redactor.redact(error));
    }
  }

  /**
   * A run that failed before it could write its ledger: the cause, and the counts its live
   * counters had reached (null when it never started reading).
   */
  public static RunSummary failed(String runId, String output, String window, String cause,
      LiveCounts live, double seconds) {
    RunSummary s = new RunSummary(runId, output, window, null, live, seconds, cause);
    if (live != null && live.read() > 0) {
      s.warnings.add(String.format("counts are the live counters at the failure (%,d lines read, "
          + "%,d rows written to files): nothing after it was committed, partitions committed "
          + "before it are whole", live.read(), live.written()));
    }
    return s;
  }

  /** A run that did not start because another run holds its window (the lake is untouched). */
  public static RunSummary refused(String runId, String output, String window, String why, double seconds) {
    RunSummary s = new RunSummary(runId, output, window, null, null, seconds, why);
    s.refused = true;
    return s;
  }

  /** Whether the run stood back for another run that holds its window. */
  public boolean isRefused() {
    return refused;
  }

  public Status status() {
    return RunJudge.status(this, failures.isEmpty() && ledger != null);
  }

  public long read() {
    return ledger == null ? live == null ? 0 : live.read() : total(Tally.Kind.READ);
  }

  /** Events found on lines they shared with other events (GH Archive's files without newlines). */
  public long recoveredFromSharedLines() {
    return byDetail(Tally.Kind.READ).getOrDefault(Tally.SHARED_LINE, 0L);
  }

  public long written() {
    return ledger == null ? live == null ? 0 : live.written() : total(Tally.Kind.WRITTEN);
  }

  public Map<String, Long> filtered() {
    return byDetail(Tally.Kind.FILTERED);
  }

  public long duplicates() {
    return total(Tally.Kind.DUPLICATE);
  }

  public long outsideWindow() {
    return total(Tally.Kind.OUTSIDE_WINDOW);
  }

  /** Of {@link #outsideWindow()}, events of hours another era's files hold (source.ArchiveEra). */
  public long otherEra() {
    return byDetail(Tally.Kind.OUTSIDE_WINDOW).getOrDefault(Tally.OTHER_ERA, 0L);
  }

  public Map<String, Long> rejected() {
    return byDetail(Tally.Kind.REJECTED);
  }

  /** Sources that broke part-way, with why. */
  public List<String> brokenSources() {
    return sourcesWith(SourceOutcome.Status.BROKEN);
  }

  /**
   * How the committed partitions differ from the lake's earlier ones (drift findings, errors
   * first).
   */
  public List<DriftFinding> findings() {
    List<DriftFinding> out = new ArrayList<>();
    partitionResults().forEach(p -> out.addAll(p.findings()));
    out.sort(Comparator.comparing((DriftFinding f) -> f.level() != DriftFinding.Level.error)
        .thenComparing(DriftFinding::partition));
    return out;
  }

  /** The findings as lines for people. */
  public List<String> findingLines() {
    return findings().stream().map(DriftFinding::text).toList();
  }

  /** Sources that could not be fetched at all (an outage), with the cause. */
  public List<String> unreachableSources() {
    return sourcesWith(SourceOutcome.Status.UNREACHABLE);
  }

  /** Everything the read events turned into; equals {@link #read()} when nothing was lost. */
  public long accounted() {
    return written() + total(Tally.Kind.FILTERED) + duplicates() + outsideWindow() + total(Tally.Kind.REJECTED);
  }

  public boolean identityHolds() {
    return ledger != null && read() == accounted() && ledger.unbalancedSources().isEmpty();
  }

  /** Whether the counts come from the run's ledger (else from live counters of a failed run). */
  public boolean hasLedger() {
    return ledger != null;
  }

  /** Partitions this run replaced. */
  public List<String> partitions() {
    return partitionResults().stream().filter(PartitionResult::committed)
        .map(PartitionResult::partition).sorted().toList();
  }

  /** Partitions this run left as the lake had them, each with why: {@code partition: reason; …}. */
  public List<String> kept() {
    return partitionResults().stream().filter(p -> !p.committed())
        .map(p -> p.partition() + ": " + String.join("; ", p.gaps())).sorted().toList();
  }

  /** Partitions committed although the run could not vouch for them (first loads, or forced). */
  public List<String> incompletePartitions() {
    return partitionResults().stream()
        .filter(p -> p.committed() && !p.complete())
        .map(p -> p.partition() + ": " + String.join("; ", p.gaps())).sorted().toList();
  }

  /** The run's outcome for the given partitions (those it never reached count as neither). */
  public PartitionSlice slice(Set<String> partitions) {
    return PartitionSlice.of(partitionResults(), partitions);
  }

  public long files() {
    return partitionResults().stream().mapToLong(PartitionResult::files).sum();
  }

  public long bytes() {
    return partitionResults().stream().mapToLong(PartitionResult::bytes).sum();
  }

  public long sourceBytes() {
    return ledger == null ? live == null ? 0 : live.sourceBytes()
        : sources().stream().mapToLong(SourceOutcome::bytes).sum();
  }

  public List<String> missingHours() {
    return ledger == null ? List.of()
        : ledger.sourcePaths(SourceOutcome.Role.WINDOW, SourceOutcome.Status.MISSING);
  }

  public List<String> failures() {
    return List.copyOf(failures);
  }

  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  public double seconds() {
    return seconds;
  }

  public String output() {
    return output;
  }

  public String runId() {
    return runId;
  }

  /** The run's window, {@code 2024-07-01T00 .. 2024-07-02T00}, or null for a run without one. */
  public String window() {
    return window;
  }

  /** Records that the Slack message could not be delivered (the data run stands). */
  public void recordNotifyError(String error) {
    this.notifyError = error == null ? null : Redactor.redact(error);
  }

  /** What the run cost (RunCost.NONE until the orchestration records it). */
  public void recordCost(RunCost value) {
    this.cost = value;
  }

  public RunCost cost() {
    return cost;
  }

  /** Seconds from the JVM's start (a JVM's later runs: the run's start) to the first source opened. */
  public void recordStartup(Double value) {
    this.startupSeconds = value;
  }

  public Double startupSeconds() {
    return startupSeconds;
  }

  /** What the run's table commit did (null without a table). */
  public void recordTable(String line) {
    this.table = line;
  }

  public String table() {
    return table;
  }

  public String notifyError() {
    return notifyError;
  }

  private List<String> sourcesWith(SourceOutcome.Status status) {
    return sources().stream().filter(s -> s.status() == status)
        .map(s -> s.path() + " (" + s.error() + ")").toList();
  }

  private List<PartitionResult> partitionResults() {
    return ledger == null ? List.of() : ledger.partitions();
  }

  private List<SourceOutcome> sources() {
    return ledger == null ? List.of() : ledger.sources();
  }

  private long total(Tally.Kind kind) {
    return ledger == null ? 0 : ledger.total(kind);
  }

  private Map<String, Long> byDetail(Tally.Kind kind) {
    return ledger == null ? Map.of() : ledger.byDetail(kind);
  }

  /** The summary as JSON (see {@link SummaryJson}). */
  public String toJson() {
    return SummaryJson.of(this);
  }
}
