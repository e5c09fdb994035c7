package dev.ghlake.summary;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/**
 * A batch of runs (a Lambda invocation's windows, a backfill's units) as users read it: its
 * counts by unit status, the windows it attempted, and each run's own summary as it is.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({"status", "kind", "report", "cost", "units", "units_success", "units_incomplete",
    "units_failed", "units_not_run", "units_complete", "read", "written", "partitions", "files", "bytes",
    "identity_holds", "seconds", "windows", "already_complete", "missing_hours", "failures", "runs", "notify_error"})
record BatchSummaryRecord(String status, String kind, String report, Map<String, Object> cost, int units,
    long unitsSuccess, long unitsIncomplete, long unitsFailed, long unitsNotRun, long unitsComplete, long read,
    long written, long partitions, long files, long bytes, boolean identityHolds, double seconds,
    List<Window> windows, List<String> alreadyComplete, List<String> missingHours, List<String> failures,
    List<RunSummaryRecord> runs, String notifyError) {

  /** One attempted window: how it ended and why. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record Window(String window, String status, long written, int partitions, String runId, String why) {}
}
