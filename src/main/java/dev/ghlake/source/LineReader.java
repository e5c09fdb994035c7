package dev.ghlake.source;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Splits a byte stream into lines ({@code \n}, optional {@code \r}) without ever holding more than
 * one line, and never more than {@code maxLineBytes} of it. Lines stay bytes: the parser reads
 * UTF-8 itself, so nothing is decoded twice.
 *
 * <p>A line that grows past the maximum is cut after the last JSON value that closes in it, and
 * the rest carries on as the next piece of the same line: GH Archive has whole files of events
 * with no newline between them (igrigorik/gharchive.org #9), and they stream through in pieces of
 * whole values. Only a single value longer than the maximum is cut and flagged; its rest is
 * skipped up to the newline, or up to the next {@code }{"} where values follow each other.
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
  /** Bytes of the buffer after the piece last returned, that start the next piece. */
  private int carryFrom;
  private int carryTo;
  private long lineNumber;
  private long nextLineNumber = 1;

  LineReader(InputStream in, int maxLineBytes) {
    this.in = in;
    this.maxLineBytes = maxLineBytes;
  }

  /** Moves to the next line (or piece of one); false at the end of the stream. */
  boolean next() throws IOException {
    startLine();
    while (true) {
      if (chunkPos == chunkLen && !fill()) {
        trimCarriageReturn();
        return lineBytes > 0;
      }
      int start = chunkPos;
      int end = newline(start);
      if (!cut && end - start > maxLineBytes - lineLen && cutAtValue(start)) {
        return true;
      }
      if (cut && resync(start, end)) {
        return true;
      }
      chunkPos = end;
      append(start, end - start);
      if (chunkPos < chunkLen) {
        chunkPos++; // the newline
        lineBytes++;
        nextLineNumber++;
        trimCarriageReturn();
        return true;
      }
    }
  }

  /** The 1-based number of the line the current piece is part of. */
  long lineNumber() {
    return lineNumber;
  }

  private void startLine() {
    lineNumber = nextLineNumber;
    int carried = carryTo - carryFrom;
    if (carried > 0) {
      System.arraycopy(line, carryFrom, line, 0, carried);
    }
    carryFrom = 0;
    carryTo = 0;
    lineLen = carried;
    lineBytes = carried;
    cut = false;
  }

  /**
   * The line would pass the maximum: fills it to the maximum and ends it after its last whole
   * value, keeping the rest for the next piece. False when no value closes in it (it is cut).
   */
  private boolean cutAtValue(int start) {
    int take = maxLineBytes - lineLen;
    append(start, take);
    chunkPos = start + take;
    int end = JsonBounds.lastTopLevelEnd(line, lineLen);
    if (end == 0) {
      cut = true;
      return false;
    }
    carryFrom = end;
    carryTo = lineLen;
    lineLen = end;
    return true;
  }

  /**
   * In the rest of a cut line, the next {@code }{"} is where the next value starts: the cut line
   * ends there instead of swallowing the values after it up to a newline that may never come.
   */
  private boolean resync(int start, int end) {
    for (int i = start; i + 2 < end; i++) {
      if (chunk[i] == '}' && chunk[i + 1] == '{' && chunk[i + 2] == '"') {
        lineBytes += i + 1 - start;
        chunkPos = i + 1;
        return true;
      }
    }
    return false;
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
