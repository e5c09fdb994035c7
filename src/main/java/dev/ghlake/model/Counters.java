package dev.ghlake.model;

/**
 * Names of the Beam counters ghlake keeps, in one namespace: live progress and the counts of a
 * run that failed before its ledger. The accounting of a finished run does not rest on them but
 * on its ledger of tallies ({@code accounting}): a runner may lose or repeat metrics.
 */
public final class Counters {
  public static final String NAMESPACE = "ghlake";
  /** Lines read from sources, each a candidate event. */
  public static final String READ = "read";
  /** When a worker opened a source that held lines (epoch milliseconds, a distribution: its minimum is the run's first read). */
  public static final String FIRST_READ = "first_read_epoch_millis";
  /** Sources opened, and read to their end (or to the point they broke). */
  public static final String SOURCES_OPENED = "sources_opened";
  public static final String SOURCES_DONE = "sources_done";
  /** Bytes read from sources (decompressed). */
  public static final String BYTES_READ = "bytes_read";
  /** Rows appended to staging files. */
  public static final String STAGED = "staged";
  /** Lines with bytes that were not UTF-8, read with U+FFFD in their place (still written). */
  public static final String UTF8_REPAIRED = "utf8_repaired";
  /** Lines dead-lettered, events outside the window, events filtered out. */
  public static final String REJECTED = "rejected";
  public static final String OUTSIDE_WINDOW = "outside_window";
  public static final String FILTERED = "filtered";
  /** Rows written to Parquet files, and the files finished. */
  public static final String WRITTEN = "written";
  public static final String FILES_WRITTEN = "files_written";

  private Counters() {}
}
