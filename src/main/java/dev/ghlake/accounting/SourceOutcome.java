package dev.ghlake.accounting;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;

/**
 * What became of one source of a run (an archive hour file, a BigQuery table, a synthetic hour):
 * read whole, empty, broken part-way, missing or unreachable. A partition is replaced only when the sources
 * of its hours are all whole (see {@code sink.Vouching}).
 *
 * @param name the source's name in rows and ledgers ({@code 2024-07-01-8.json.gz})
 * @param path where it was read from
 * @param hour the UTC hour(s) its name stands for ({@code 2024-07-01T08}), comma-separated (two
 *     for the autumn's repeated Pacific hour), empty if none
 * @param bytes its size as stored (bytes received, for a download)
 * @param lines non-blank lines read from it
 * @param error why it broke or is missing, empty otherwise
 */
public record SourceOutcome(
    String name, String path, String hour, Role role, Status status, long bytes, long lines,
    String error) {

  /** Why the run read the source. */
  public enum Role {
    /** An hour file named for an hour of the window. */
    WINDOW,
    /** An hour file after (or, before 2015, around) the window, read for late events only. */
    MARGIN,
    /** A file named by a glob or a path: the run has no window. */
    FILE,
    /** A BigQuery table, or generated events: no hour files to vouch for. */
    OTHER
  }

  /** How reading it went. */
  public enum Status {
    COMPLETE,
    /** Zero bytes, or no line that is an event. */
    EMPTY,
    /** It could not be read to its end (a truncated gzip, a download that never finished). */
    BROKEN,
    /** It does not exist (or the server said 404). */
    MISSING,
    /**
     * It could not be fetched at all: the source is down or cannot be reached (DNS, refused
     * connection, TLS, 5xx or 429 after every retry). An outage, not a gap GH Archive has: the
     * run fails rather than report it as missing.
     */
    UNREACHABLE;

    /** Whether a partition fed by this source lacks events it should have. */
    public boolean isGap() {
      return this != COMPLETE;
    }
  }

  public SourceOutcome {
    hour = hour == null ? "" : hour;
    error = error == null ? "" : error;
  }

  /** The UTC hours the source's name stands for. */
  public List<String> hours() {
    return hour.isEmpty() ? List.of() : List.of(hour.split(","));
  }

  /** The outcome of a source read to its end: complete, or empty if it held no event. */
  public static SourceOutcome read(String name, String path, String hour, Role role, long bytes,
      long lines) {
    return new SourceOutcome(name, path, hour, role, lines == 0 ? Status.EMPTY : Status.COMPLETE,
        bytes, lines, lines == 0 ? "no events in it" : "");
  }

  /** A one-line description for reports: {@code 2024-07-01-2.json.gz is missing}. */
  public String describe() {
    return switch (status) {
      case COMPLETE -> name + " read whole";
      case EMPTY -> name + " is empty (" + (bytes == 0 ? "0 bytes" : "no events in it") + ")";
      case BROKEN -> name + " broke part-way (" + error + ")";
      case MISSING -> name + " is missing";
      case UNREACHABLE -> name + " could not be fetched (" + error + ")";
    };
  }

  /** Coder: outcomes travel to the commit and the ledger. */
  public static final class Coder extends AtomicCoder<SourceOutcome> {
    private static final Coder INSTANCE = new Coder();
    private static final StringUtf8Coder STRING = StringUtf8Coder.of();
    private static final VarIntCoder INT = VarIntCoder.of();
    private static final VarLongCoder LONG = VarLongCoder.of();

    public static Coder of() {
      return INSTANCE;
    }

    @Override
    public void encode(SourceOutcome s, OutputStream out) throws IOException {
      STRING.encode(s.name, out);
      STRING.encode(s.path, out);
      STRING.encode(s.hour, out);
      INT.encode(s.role.ordinal(), out);
      INT.encode(s.status.ordinal(), out);
      LONG.encode(s.bytes, out);
      LONG.encode(s.lines, out);
      STRING.encode(s.error, out);
    }

    @Override
    public SourceOutcome decode(InputStream in) throws IOException {
      return new SourceOutcome(STRING.decode(in), STRING.decode(in), STRING.decode(in),
          Role.values()[INT.decode(in)], Status.values()[INT.decode(in)], LONG.decode(in),
          LONG.decode(in), STRING.decode(in));
    }

    @Override
    public void verifyDeterministic() {}
  }
}
