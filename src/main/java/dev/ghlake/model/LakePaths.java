package dev.ghlake.model;

import java.io.Serializable;

/**
 * Where everything lives in one lake, as one value: writers, readers, clean-up and reports ask it
 * for a place instead of appending folder names and slashes of their own, so they cannot drift
 * apart ({@code s3://b/lake} and {@code s3://b/lake/} are the same lake).
 *
 * <pre>
 * &lt;lake&gt;/_lake.json                      the layout record
 * &lt;lake&gt;/events/dt=…[/hour=…]/           data files and the partition's _manifest.json
 * &lt;lake&gt;/_runs/&lt;run&gt;/                    each run's start record, ledger and summary
 * &lt;lake&gt;/_pending/&lt;run&gt;/                 files written and not yet committed, by run
 * &lt;lake&gt;/_rejected/run=&lt;run&gt;/            lines no event could be read from
 * &lt;lake&gt;/_staging/run=&lt;run&gt;/             staged rows, when staging is in the lake
 * &lt;lake&gt;/_report/health.html              the health report
 * &lt;lake&gt;/interactions/dt=…/               the interactions table
 * </pre>
 *
 * @param root the lake's root without a trailing slash
 */
public record LakePaths(String root) implements Serializable {
  public static final String EVENTS = "events";
  public static final String INTERACTIONS = "interactions";

  public LakePaths {
    if (root == null || root.isBlank()) {
      throw new IllegalArgumentException("a lake needs a root folder (--output)");
    }
    root = trimmed(root);
  }

  public static LakePaths of(String output) {
    return new LakePaths(output);
  }

  /** A place inside the lake, by its path relative to the root. */
  public String resolve(String relative) {
    return folder() + relative;
  }

  /** The root with one trailing slash, for globs and prefixes. */
  public String folder() {
    return root.endsWith("/") ? root : root + "/";
  }

  public String events() {
    return resolve(EVENTS);
  }

  /** A partition's folder ({@code dt=2024-07-01/hour=08}). */
  public String partition(String partition) {
    return events() + "/" + partition;
  }

  public String layoutRecord() {
    return resolve("_lake.json");
  }

  public String runs() {
    return resolve("_runs");
  }

  public String run(String runId) {
    return runs() + "/" + runId;
  }

  public String pending() {
    return resolve("_pending");
  }

  public String pending(String runId) {
    return pending() + "/" + runId;
  }

  public String rejected(String runId) {
    return resolve("_rejected/run=" + runId);
  }

  public String staging() {
    return resolve("_staging");
  }

  public String healthReport() {
    return resolve("_report/health.html");
  }

  public String interactions() {
    return resolve(INTERACTIONS);
  }

  /** A path without its trailing slashes, keeping a scheme's own ({@code s3://b/} is {@code s3://b}). */
  public static String trimmed(String path) {
    String p = path;
    while (p.length() > 1 && p.endsWith("/") && !p.endsWith("://")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }

  @Override
  public String toString() {
    return root;
  }
}
