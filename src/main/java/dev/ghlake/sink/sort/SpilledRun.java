package dev.ghlake.sink.sort;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/** A sorted run in a {@link SpillFile}, read front to back through a buffer. */
final class SpilledRun implements RowRun {
  private final FileChannel file;
  private final long end;
  private long filled; // the file offset of buf[limit]
  private byte[] buf;
  private int pos;
  private int limit;
  private int rowOffset;
  private int rowLength;

  SpilledRun(FileChannel file, long start, long end, int bufferBytes) {
    this.file = file;
    this.buf = new byte[bufferBytes];
    this.filled = start;
    this.end = end;
  }

  @Override
  public boolean advance() throws IOException {
    if (pos == limit && filled == end) {
      return false;
    }
    int n = 0;
    int shift = 0;
    while (true) {
      ensure(1);
      byte b = buf[pos++];
      n |= (b & 0x7f) << shift;
      if (b >= 0) {
        break;
      }
      shift += 7;
    }
    ensure(n);
    rowOffset = pos;
    rowLength = n;
    pos += n;
    return true;
  }

  /** Makes {@code n} unread bytes available from {@code pos}, moving them to the buffer's start. */
  private void ensure(int n) throws IOException {
    if (limit - pos >= n) {
      return;
    }
    System.arraycopy(buf, pos, buf, 0, limit - pos);
    limit -= pos;
    pos = 0;
    if (buf.length < n) {
      buf = Arrays.copyOf(buf, Math.max(n, buf.length * 2));
    }
    while (limit < n) {
      int want = (int) Math.min(buf.length - limit, end - filled);
      int read = want <= 0 ? -1 : file.read(ByteBuffer.wrap(buf, limit, want), filled);
      if (read < 0) {
        throw new EOFException("sort spill file ends inside a row");
      }
      limit += read;
      filled += read;
    }
  }

  @Override
  public byte[] bytes() {
    return buf;
  }

  @Override
  public int offset() {
    return rowOffset;
  }

  @Override
  public int length() {
    return rowLength;
  }

  @Override
  public boolean stable() {
    return false;
  }
}
