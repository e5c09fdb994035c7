package dev.ghlake.sink;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/** A Parquet output file over a stream (a Beam filesystem channel): position counted, bytes counted. */
final class StreamOutputFile implements OutputFile {
  private final Counted out;

  StreamOutputFile(OutputStream out) {
    this.out = new Counted(out);
  }

  /** Bytes written so far. */
  long bytes() {
    return out.position;
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

    Counted(OutputStream out) {
      this.out = out;
    }

    @Override
    public long getPos() {
      return position;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      position++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      position += len;
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }
}
