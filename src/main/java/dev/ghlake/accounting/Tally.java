package dev.ghlake.accounting;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;

/**
 * One line of the ledger: what happened to how many events, of which hour, from which source.
 *
 * <p>Tallies are data, summed by key like any other PCollection, so unlike metrics they cannot be
 * lost or counted twice when a bundle is retried. {@code hour} is the event's UTC hour
 * ({@code 2024-07-01T08}), empty where the event has none (a line that is not an event).
 */
public record Tally(Kind kind, String detail, String hour, String source) {
  /**
   * The detail of {@link Kind#READ} for events found on a line they shared with other events
   * (GH Archive's files without newlines between events): read like the rest, counted apart.
   */
  public static final String SHARED_LINE = "shared_line";

  /**
   * The detail of {@link Kind#OUTSIDE_WINDOW} for events of hours another era's files hold (the
   * last timeline files' events of 2015: {@code source.ArchiveEra}): counted, never loaded twice.
   */
  public static final String OTHER_ERA = "other_era";

  /** What a tally counts; the first six make up the accounting identity. */
  public enum Kind {
    /** Lines read from a source (each a candidate event). */
    READ,
    /** Events written to a Parquet file; detail: event type. */
    WRITTEN,
    /** Events dropped by a filter; detail: reason. */
    FILTERED,
    /** Copies of an event already kept. */
    DUPLICATE,
    /** Events whose time is outside the run's window. */
    OUTSIDE_WINDOW,
    /** Lines that did not become events; detail: reason. */
    REJECTED,
    /**
     * Not part of the identity: what staged rows looked like, for the partition's profile;
     * detail: {@code type<TAB>measure}, source empty (see {@code profile.EventProfiler}).
     */
    PROFILE;

    /** Whether it is one of the identity's right side: read = the sum of these. */
    public boolean accounts() {
      return this != READ && this != PROFILE;
    }
  }

  public Tally {
    detail = detail == null ? "" : detail;
    hour = hour == null ? "" : hour;
    source = source == null ? "" : source;
  }

  /** The UTC hour of a time in microseconds, as tallies name it: {@code 2024-07-01T08}. */
  public static String hourOf(long micros) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), 0, ZoneOffset.UTC);
    int h = t.getHour();
    return t.toLocalDate() + (h < 10 ? "T0" : "T") + h;
  }

  /** A compact, deterministic coder: tallies are keys of a sum. */
  public static final class Coder extends AtomicCoder<Tally> {
    private static final Coder INSTANCE = new Coder();
    private static final StringUtf8Coder STRING = StringUtf8Coder.of();
    private static final VarIntCoder INT = VarIntCoder.of();

    public static Coder of() {
      return INSTANCE;
    }

    @Override
    public void encode(Tally t, OutputStream out) throws IOException {
      INT.encode(t.kind.ordinal(), out);
      STRING.encode(t.detail, out);
      STRING.encode(t.hour, out);
      STRING.encode(t.source, out);
    }

    @Override
    public Tally decode(InputStream in) throws IOException {
      return new Tally(Kind.values()[INT.decode(in)], STRING.decode(in), STRING.decode(in),
          STRING.decode(in));
    }

    @Override
    public void verifyDeterministic() {}
  }
}
