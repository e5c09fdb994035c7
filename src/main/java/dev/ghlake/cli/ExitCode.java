package dev.ghlake.cli;

import dev.ghlake.summary.RunSummary;

/**
 * The exit status of {@code ghlake run} and {@code ghlake backfill}, and whether a Lambda
 * invocation fails: one table (README, "Exit codes") so cron, Airflow, Step Functions and the
 * Lambda's alarms read a run alike.
 */
public enum ExitCode {
  /** Every hour read and accounted for; or a gap the user lets pass (no --failOnIncomplete). */
  SUCCESS(0),
  /** The run failed: the source unreachable, the pipeline broke, the accounting or a limit failed. */
  FAILED(1),
  /** Bad options: nothing was read or written. */
  USAGE(2),
  /** Data committed, but an hour was missing, broke or was kept, and --failOnIncomplete is set. */
  INCOMPLETE(3),
  /** The run was whole but the Slack message was not delivered, and --failOnNotifyError is set. */
  NOT_NOTIFIED(4),
  /** Data committed, but an error-level drift finding: GH Archive's data looks wrong. */
  SUSPECT(5);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The code a run (or batch) of this status ends with under these choices. */
  public static ExitCode of(RunSummary.Status status, String notifyError, boolean failOnIncomplete,
      boolean failOnNotifyError) {
    if (status == RunSummary.Status.failed) {
      return FAILED;
    }
    if (status == RunSummary.Status.suspect) {
      return SUSPECT;
    }
    if (status == RunSummary.Status.incomplete && failOnIncomplete) {
      return INCOMPLETE;
    }
    return notifyError != null && failOnNotifyError ? NOT_NOTIFIED : SUCCESS;
  }
}
