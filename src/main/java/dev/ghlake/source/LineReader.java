package dev.ghlake.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a byte stream into lines ({@code \n}, optional {@code \r}) without ever holding more than
 * one line, and never more than {@code maxLineBytes} of it: the rest of a longer line is skipped
 * and the line is flagged, so one giant line cannot exhaust memory.
 */
final class LineReader {
  private final InputStream in;
  private final int maxLineBytes;
  private final byte[] chunk = new byte[64 * 1024];
  private int chunkPos;
  private int chunkLen;
  private byte[] line = new byte[8 * 1024];
  private int lineLen;
  private long lineBytes;
  private boolean cut;
  private boolean repaired;
  private long bytesRead;

  LineReader(InputStream in, int maxLineBytes) {
    this.in = in;
    this.maxLineBytes = maxLineBytes;
  }

  /** The next line's text (cut to the maximum if longer), or null at the end of the stream. */
  String next() throws IOException {
    lineLen = 0;
    lineBytes = 0;
    cut = false;
    repaired = false;
    while (true) {
      if (chunkPos == chunkLen && !fill()) {
        return lineBytes == 0 ? null : text();
      }
      int start = chunkPos;
      while (chunkPos < chunkLen && chunk[chunkPos] != '\n') {
        chunkPos++;
      }
      append(start, chunkPos - start);
      if (chunkPos < chunkLen) {
        chunkPos++; // the newline
        lineBytes++;
        return text();
      }
    }
  }

  /** Whether the last line returned was longer than the maximum and was cut. */
  boolean lastLineWasCut() {
    return cut;
  }

  /** Whether the last line had bytes that are not UTF-8 (each read as U+FFFD). */
  boolean lastLineWasRepaired() {
    return repaired;
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
    int room = maxLineBytes - lineLen;
    int take = Math.min(room, len);
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

  private String text() {
    int len = lineLen;
    if (len > 0 && line[len - 1] == '\r') {
      len--;
    }
    String text = new String(line, 0, len, StandardCharsets.UTF_8);
    // U+FFFD either was in the input (EF BF BD) or replaced a malformed byte: check only then
    repaired = text.indexOf('\uFFFD') >= 0 && !isValidUtf8(len);
    return text;
  }

  private boolean isValidUtf8(int len) {
    try {
      StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(line, 0, len));
      return true;
    } catch (java.nio.charset.CharacterCodingException e) {
      return false;
    }
  }
}
