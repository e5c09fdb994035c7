package dev.ghlake.summary;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.ghlake.model.RunIds;
import dev.ghlake.model.Version;
import dev.ghlake.profile.DriftFinding;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A run's summary as users read it (--summaryFile, {@code _runs/<run>/summary.json}, the Lambda
 * response; docs/accounting.md), field for field in this order, in snake case. Null: not known
 * (a run that failed before it started has no start, a run without a start-up measure none).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record RunSummaryRecord(int schemaVersion, String ghlakeVersion, String startedAt, String finishedAt,
    String status, String runId, String output, String window, String countsFrom, boolean refused, long read,
    long recoveredFromSharedLines, long written, Map<String, Long> filtered, long duplicates, long outsideWindow,
    long outsideWindowOtherEra, Map<String, Long> rejected, List<String> fileErrors, boolean identityHolds,
    int partitions, long files, long bytes, long sourceBytes, double seconds, Double startupSeconds,
    List<String> missingHours, List<String> partitionsKept, List<String> partitionsIncomplete,
    List<String> warnings, List<DriftFinding> findings, List<String> failures, List<String> partitionList,
    String table, Map<String, Object> cost, String notifyError) {

  /** Raised when a field changes meaning or goes; new fields keep it (docs/accounting.md). */
  static final int SCHEMA_VERSION = 1;

  static RunSummaryRecord of(RunSummary s) {
    Instant started = RunIds.startOf(s.runId());
    return new RunSummaryRecord(SCHEMA_VERSION, Version.of(), started == null ? null : started.toString(),
        finishedAt(started, s.seconds()), s.status().name(), s.runId(), s.output(), s.window(),
        s.hasLedger() ? "ledger" : "live counters (the run failed)", s.isRefused(), s.read(),
        s.recoveredFromSharedLines(), s.written(), s.filtered(), s.duplicates(), s.outsideWindow(), s.otherEra(),
        s.rejected(), s.brokenSources(), s.identityHolds(), s.partitions().size(), s.files(), s.bytes(),
        s.sourceBytes(), tenths(s.seconds()),
        s.startupSeconds() == null ? null : Math.round(s.startupSeconds() * 100) / 100.0, s.missingHours(),
        s.kept(), s.incompletePartitions(), s.warnings(), s.findings(), s.failures(), s.partitions(), s.table(),
        s.cost().fields(), s.notifyError());
  }

  /**
   * When the run ended: its start and its measured seconds (to the second, as started_at), so that
   * a reader of the summary alone can place the run on a timeline without a clock of its own.
   */
  static String finishedAt(Instant started, double seconds) {
    return started == null ? null : started.plusSeconds(Math.round(seconds)).toString();
  }

  static double tenths(double seconds) {
    return Math.round(seconds * 10) / 10.0;
  }
}
