package dev.ghlake.storage;

import dev.ghlake.model.LakePaths;

/**
 * A run's records in the lake, {@code <lake>/_runs/<run>/}: its start record (the options,
 * written before anything is read), its ledger (the pipeline's accounting) and its summary
 * (status, duration, what it cost). One place, so writers and readers agree.
 */
public final class RunRecords {
  public static final String STARTED = "started.json";

  private RunRecords() {}

  /** Every run's folder, as a glob of their start records. */
  public static String startedGlob(LakePaths lake) {
    return lake.runs() + "/*/" + STARTED;
  }

  public static String started(LakePaths lake, String runId) {
    return lake.run(runId) + "/" + STARTED;
  }

  public static String ledger(LakePaths lake, String runId) {
    return lake.run(runId) + "/ledger.json";
  }

  public static String summary(LakePaths lake, String runId) {
    return lake.run(runId) + "/summary.json";
  }
}
