package dev.ghlake.source;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Splits a byte stream into lines ({@code \n}, optional {@code \r}) without ever holding more than
 * one line, and never more than {@code maxLineBytes} of it: the rest of a longer line is skipped
 * and the line is flagged, so one giant line cannot exhaust memory. Lines stay bytes: the parser
 * reads UTF-8 itself, so nothing is decoded twice.
 */
final class LineReader {
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;
  private final InputStream in;
  private final int maxLineBytes;
  private final byte[] chunk = new byte[64 * 1024];
  private int chunkPos;
  private int chunkLen;
  private byte[] line = new byte[8 * 1024];
  private int lineLen;
  private long lineBytes;
  private boolean cut;
  private long bytesRead;

  LineReader(InputStream in, int maxLineBytes) {
    this.in = in;
    this.maxLineBytes = maxLineBytes;
  }

  /** Moves to the next line; false at the end of the stream. */
  boolean next() throws IOException {
    lineLen = 0;
    lineBytes = 0;
    cut = false;
    while (true) {
      if (chunkPos == chunkLen && !fill()) {
        trimCarriageReturn();
        return lineBytes > 0;
      }
      int start = chunkPos;
      chunkPos = newline(start);
      append(start, chunkPos - start);
      if (chunkPos < chunkLen) {
        chunkPos++; // the newline
        lineBytes++;
        trimCarriageReturn();
        return true;
      }
    }
  }

  /**
   * Where the first newline at or after {@code from} is in the chunk (its length if none), eight
   * bytes at a time: a line is about a kilobyte, and this scan is the reader's hot loop.
   */
  private int newline(int from) {
    int i = from;
    for (; i + Long.BYTES <= chunkLen; i += Long.BYTES) {
      long x = (long) LONGS.get(chunk, i) ^ NEWLINES;
      // a byte of x is zero where a newline is; the lowest flagged byte is always a true one
      long zeros = (x - ONES) & ~x & HIGH_BITS;
      if (zeros != 0) {
        return i + (Long.numberOfTrailingZeros(zeros) >>> 3);
      }
    }
    while (i < chunkLen && chunk[i] != '\n') {
      i++;
    }
    return i;
  }

  /** The current line's bytes, valid from 0 to {@link #length()} until the next call. */
  byte[] bytes() {
    return line;
  }

  int length() {
    return lineLen;
  }

  /** Whether the current line holds nothing but ASCII whitespace (it is not an event). */
  boolean isBlank() {
    for (int i = 0; i < lineLen; i++) {
      byte b = line[i];
      if (b != ' ' && b != '\t' && b != '\r' && b != '\f' && b != 0x0B) {
        return false;
      }
    }
    return true;
  }

  /** Whether the current line was longer than the maximum and was cut. */
  boolean wasCut() {
    return cut;
  }

  /** Bytes consumed from the stream so far. */
  long bytesRead() {
    return bytesRead;
  }

  private boolean fill() throws IOException {
    int n = in.read(chunk);
    if (n <= 0) {
      return false;
    }
    chunkPos = 0;
    chunkLen = n;
    bytesRead += n;
    return true;
  }

  private void append(int start, int len) {
    lineBytes += len;
    int take = Math.min(maxLineBytes - lineLen, len);
    cut |= take < len;
    if (take <= 0) {
      return;
    }
    if (lineLen + take > line.length) {
      line = Arrays.copyOf(line, Math.min(maxLineBytes, Math.max(lineLen + take, line.length * 2)));
    }
    System.arraycopy(chunk, start, line, lineLen, take);
    lineLen += take;
  }

  private void trimCarriageReturn() {
    if (!cut && lineLen > 0 && line[lineLen - 1] == '\r') {
      lineLen--;
    }
  }
}
