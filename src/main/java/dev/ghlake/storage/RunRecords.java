package dev.ghlake.storage;

/**
 * Where a run's records live in the lake, {@code <output>/_runs/<run>/}: its start record (the
 * options, written before anything is read), its ledger (the pipeline's accounting) and its
 * summary (status, duration, what it cost). One place, so writers and readers agree.
 */
public final class RunRecords {
  public static final String STARTED = "started.json";

  private RunRecords() {}

  public static String folder(String output, String runId) {
    return (output.endsWith("/") ? output : output + "/") + "_runs/" + runId;
  }

  /** Every run's folder, as a glob of their start records. */
  public static String startedGlob(String output) {
    return (output.endsWith("/") ? output : output + "/") + "_runs/*/" + STARTED;
  }

  public static String started(String output, String runId) {
    return folder(output, runId) + "/" + STARTED;
  }

  public static String ledger(String output, String runId) {
    return folder(output, runId) + "/ledger.json";
  }

  public static String summary(String output, String runId) {
    return folder(output, runId) + "/summary.json";
  }
}
