package dev.ghlake.sink.parquet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.UnaryOperator;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/** A Parquet output file over a stream (a Beam filesystem channel): position counted, bytes counted. */
public final class StreamOutputFile implements OutputFile {
  private final Counted out;

  public StreamOutputFile(OutputStream out) {
    this.out = new Counted(out);
  }

  /** Bytes written so far. */
  public long bytes() {
    return out.position;
  }

  /**
   * Holds every byte written from now on (a file's indexes and footer: kilobytes) and, on close,
   * writes them as {@code rewrite} returns them, which must keep their length.
   */
  void holdTail(UnaryOperator<byte[]> rewrite) {
    out.held = new ByteArrayOutputStream();
    out.rewrite = rewrite;
  }

  @Override
  public PositionOutputStream create(long blockSizeHint) {
    return out;
  }

  @Override
  public PositionOutputStream createOrOverwrite(long blockSizeHint) {
    return out;
  }

  @Override
  public boolean supportsBlockSize() {
    return false;
  }

  @Override
  public long defaultBlockSize() {
    return 0;
  }

  private static final class Counted extends PositionOutputStream {
    private final OutputStream out;
    private long position;
    private ByteArrayOutputStream held;
    private UnaryOperator<byte[]> rewrite;

    Counted(OutputStream out) {
      this.out = out;
    }

    @Override
    public long getPos() {
      return position;
    }

    @Override
    public void write(int b) throws IOException {
      target().write(b);
      position++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      target().write(b, off, len);
      position += len;
    }

    private OutputStream target() {
      return held != null ? held : out;
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      if (held != null) {
        byte[] tail = held.toByteArray();
        byte[] rewritten = rewrite.apply(tail);
        if (rewritten.length != tail.length) {
          throw new IllegalStateException("a rewritten tail must keep its length: " + tail.length
              + " bytes became " + rewritten.length);
        }
        held = null;
        out.write(rewritten);
      }
      out.close();
    }
  }
}
