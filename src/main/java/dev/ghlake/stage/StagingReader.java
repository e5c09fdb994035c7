package dev.ghlake.stage;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.util.Arrays;
import net.jpountz.lz4.LZ4FrameInputStream;
import org.apache.beam.sdk.io.FileSystems;

/** Reads one staging file row by row; a row's bytes are reused for the next. */
public final class StagingReader implements AutoCloseable {
  private final InputStream in;
  private byte[] row = new byte[8192];
  private int length;

  private StagingReader(InputStream in) {
    this.in = in;
  }

  public static StagingReader open(StagedChunk chunk) throws IOException {
    InputStream raw = Channels.newInputStream(
        FileSystems.open(FileSystems.matchNewResource(chunk.path(), false)));
    // an LZ4 frame (StagingWriter), read a 64 KiB block at a time; one that ends early is an
    // error, not fewer rows. Buffered below it: it reads each block's header a few bytes at a time
    return new StagingReader(new LZ4FrameInputStream(new BufferedInputStream(raw, 1 << 16)));
  }

  /** Moves to the next row; false at the end. */
  public boolean next() throws IOException {
    int n = 0;
    int shift = 0;
    int b = in.read();
    if (b < 0) {
      return false;
    }
    while (true) {
      n |= (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        break;
      }
      shift += 7;
      b = in.read();
      if (b < 0) {
        throw new EOFException("staging file cut inside a row's length");
      }
    }
    if (n > row.length) {
      row = Arrays.copyOf(row, Math.max(n, row.length * 2));
    }
    int read = in.readNBytes(row, 0, n);
    if (read < n) {
      throw new EOFException("staging file cut inside a row");
    }
    length = n;
    return true;
  }

  public byte[] row() {
    return row;
  }

  public int length() {
    return length;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
