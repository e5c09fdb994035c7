package dev.ghlake.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.Objects;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;

/**
 * A dead letter: input that could not become an event, with the reason it was refused.
 *
 * <p>{@code lineNumber} is 0 when the problem concerns the whole file (e.g. a truncated gzip
 * stream after its last readable line).
 */
public final class Rejected implements Serializable {
  /** Longest raw text kept in a dead letter; the rest is cut so one bad line cannot blow memory. */
  public static final int MAX_RAW_CHARS = 64 * 1024;

  private final String source;
  private final long lineNumber;
  private final RejectReason reason;
  private final String error;
  private final String raw;

  public Rejected(String source, long lineNumber, RejectReason reason, String error, String raw) {
    this.source = source;
    this.lineNumber = lineNumber;
    this.reason = reason;
    this.error = error == null ? "" : error;
    this.raw = raw == null ? "" : truncate(raw);
  }

  public static Rejected of(RawLine line, RejectReason reason, String error) {
    return new Rejected(line.source(), line.lineNumber(), reason, error, line.text());
  }

  private static String truncate(String raw) {
    return raw.length() <= MAX_RAW_CHARS ? raw : raw.substring(0, MAX_RAW_CHARS);
  }

  public String source() {
    return source;
  }

  public long lineNumber() {
    return lineNumber;
  }

  public RejectReason reason() {
    return reason;
  }

  public String error() {
    return error;
  }

  public String raw() {
    return raw;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Rejected r
        && lineNumber == r.lineNumber
        && source.equals(r.source)
        && reason == r.reason
        && error.equals(r.error)
        && raw.equals(r.raw);
  }

  @Override
  public int hashCode() {
    return Objects.hash(source, lineNumber, reason, error, raw);
  }

  @Override
  public String toString() {
    return source + ":" + lineNumber + " " + reason.label() + " (" + error + ")";
  }

  /** Coder for dead letters. */
  public static final class RejectedCoder extends CustomCoder<Rejected> {
    private static final RejectedCoder INSTANCE = new RejectedCoder();
    private static final StringUtf8Coder STRING = StringUtf8Coder.of();
    private static final VarLongCoder LONG = VarLongCoder.of();

    public static RejectedCoder of() {
      return INSTANCE;
    }

    @Override
    public void encode(Rejected value, OutputStream out) throws IOException {
      STRING.encode(value.source, out);
      LONG.encode(value.lineNumber, out);
      STRING.encode(value.reason.name(), out);
      STRING.encode(value.error, out);
      STRING.encode(value.raw, out);
    }

    @Override
    public Rejected decode(InputStream in) throws IOException {
      return new Rejected(
          STRING.decode(in),
          LONG.decode(in),
          RejectReason.valueOf(STRING.decode(in)),
          STRING.decode(in),
          STRING.decode(in));
    }

    @Override
    public void verifyDeterministic() {}
  }
}
