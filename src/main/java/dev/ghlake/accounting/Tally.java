package dev.ghlake.accounting;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * One line of the ledger: what happened to how many events, of which hour, from which source.
 *
 * <p>A tally's key is {@code kind \t detail \t hour \t source}; its value is a count. Tallies are
 * data, summed by key like any other PCollection, so unlike metrics they cannot be lost or counted
 * twice when a bundle is retried. {@code hour} is the event's UTC hour ({@code 2024-07-01T08}),
 * empty where the event has none (a line that is not an event).
 */
public record Tally(Kind kind, String detail, String hour, String source) {
  /** What a tally counts. */
  public enum Kind {
    /** Lines read from a source (each a candidate event). */
    READ,
    /** Bytes of a source file as stored (detail empty). */
    SOURCE_BYTES,
    /** Events handed to the Parquet writer; detail: event type. */
    WRITTEN,
    /** Events dropped by a filter; detail: reason. */
    FILTERED,
    /** Copies of an event already kept. */
    DUPLICATE,
    /** Events whose time is outside the run's window. */
    OUTSIDE_WINDOW,
    /** Lines that did not become events; detail: reason. */
    REJECTED,
    /** Files that broke part-way; detail: reason. Not events: not part of READ. */
    FILE_ERROR,
    /** Expected archive files that do not exist; detail: "window" or "margin". */
    MISSING,
    /** Rows per written file; detail: the file's stem. */
    FILE_ROWS
  }

  private static final char SEP = '\t';

  public String key() {
    return kind.name() + SEP + detail + SEP + hour + SEP + source;
  }

  public static Tally parse(String key) {
    String[] p = key.split("\t", -1);
    return new Tally(Kind.valueOf(p[0]), p[1], p[2], p[3]);
  }

  public static String key(Kind kind, String detail, String hour, String source) {
    return new Tally(kind, detail == null ? "" : detail, hour == null ? "" : hour,
        source == null ? "" : source).key();
  }

  /** The UTC hour of a time in microseconds, as tallies name it: {@code 2024-07-01T08}. */
  public static String hourOf(long micros) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), 0, ZoneOffset.UTC);
    int h = t.getHour();
    return t.toLocalDate() + (h < 10 ? "T0" : "T") + h;
  }
}
