package dev.ghlake.model;

/**
 * Names of the Beam counters ghlake keeps, in one namespace: live progress and monitoring. The
 * run's accounting does not rest on them but on the ledger of tallies ({@code accounting}).
 */
public final class Accounting {
  public static final String NAMESPACE = "ghlake";
  /** Lines read from archive files (or generated), each a candidate event. */
  public static final String READ = "read";
  /** Archive files opened. */
  public static final String FILES_OPENED = "files_opened";
  /** Archive files read to their end (or to the point they broke). */
  public static final String FILES_DONE = "files_done";
  /** Uncompressed bytes read from archive files. */
  public static final String BYTES_READ = "bytes_read";
  /** Expected archive files of the window that do not exist. */
  public static final String MISSING_FILES = "missing_files";
  /** Lines with bytes that were not UTF-8, read with U+FFFD in their place (still written). */
  public static final String UTF8_REPAIRED = "utf8_repaired";
  public static final String NORMALIZED = "normalized";
  public static final String FILTERED_PREFIX = "filtered.";
  public static final String DUPLICATES = "duplicates";
  public static final String OUTSIDE_WINDOW = "outside_window";
  public static final String REJECTED_PREFIX = "rejected.";
  public static final String WRITTEN = "written";

  private Accounting() {}
}
