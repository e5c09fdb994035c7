package dev.ghlake.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.Objects;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;

/** One line of an archive file, with where it came from (for dead letters and accounting). */
public final class RawLine implements Serializable {
  private final String source;
  private final long lineNumber;
  private final String text;

  public RawLine(String source, long lineNumber, String text) {
    this.source = source;
    this.lineNumber = lineNumber;
    this.text = text;
  }

  public String source() {
    return source;
  }

  /** 1-based line number inside {@link #source()}. */
  public long lineNumber() {
    return lineNumber;
  }

  public String text() {
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RawLine r
        && lineNumber == r.lineNumber
        && source.equals(r.source)
        && text.equals(r.text);
  }

  @Override
  public int hashCode() {
    return Objects.hash(source, lineNumber, text);
  }

  @Override
  public String toString() {
    return source + ":" + lineNumber;
  }

  /** A compact coder: lines are the bulk of the data, so no reflection or Java serialization. */
  public static final class LineCoder extends CustomCoder<RawLine> {
    private static final LineCoder INSTANCE = new LineCoder();
    private static final StringUtf8Coder STRING = StringUtf8Coder.of();
    private static final VarLongCoder LONG = VarLongCoder.of();

    public static LineCoder of() {
      return INSTANCE;
    }

    @Override
    public void encode(RawLine value, OutputStream out) throws IOException {
      STRING.encode(value.source, out);
      LONG.encode(value.lineNumber, out);
      STRING.encode(value.text, out);
    }

    @Override
    public RawLine decode(InputStream in) throws IOException {
      return new RawLine(STRING.decode(in), LONG.decode(in), STRING.decode(in));
    }

    @Override
    public void verifyDeterministic() {}
  }
}
