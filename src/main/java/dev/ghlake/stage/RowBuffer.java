package dev.ghlake.stage;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The bytes of a row encoded by {@link RowFormat}: its own growable array, not a {@code
 * ByteArrayOutputStream}, whose every one-byte write takes a lock (a row is some sixty).
 */
public final class RowBuffer {
  private byte[] buf = new byte[8192];
  private int count;

  public byte[] bytes() {
    return buf;
  }

  public int length() {
    return count;
  }

  void reset() {
    count = 0;
  }

  private void ensure(int more) {
    if (count + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(count + more, buf.length * 2));
    }
  }

  void write(int b) {
    ensure(1);
    buf[count++] = (byte) b;
  }

  void write(byte[] b, int offset, int length) {
    ensure(length);
    System.arraycopy(b, offset, buf, count, length);
    count += length;
  }

  void writeLong8(long v) {
    ensure(8);
    for (int shift = 56; shift >= 0; shift -= 8) {
      buf[count++] = (byte) (v >>> shift);
    }
  }

  void writeInt4(int v) {
    ensure(4);
    for (int shift = 24; shift >= 0; shift -= 8) {
      buf[count++] = (byte) (v >>> shift);
    }
  }

  void setInt4(int at, int v) {
    for (int i = 0; i < 4; i++) {
      buf[at + i] = (byte) (v >>> (24 - 8 * i));
    }
  }

  void writeVarint(long v) {
    ensure(10);
    while ((v & ~0x7FL) != 0) {
      buf[count++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    buf[count++] = (byte) v;
  }

  void writeString(String s) {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    writeVarint(utf8.length);
    write(utf8, 0, utf8.length);
  }

  boolean string(String s) {
    if (s == null) {
      return false;
    }
    writeString(s);
    return true;
  }

  boolean bytes(byte[] b, int offset, int length) {
    writeVarint(length);
    write(b, offset, length);
    return true;
  }

  boolean number(Long v) {
    if (v == null) {
      return false;
    }
    writeVarint((v << 1) ^ (v >> 63));
    return true;
  }

  boolean flag(Boolean v) {
    if (v == null) {
      return false;
    }
    write(v ? 1 : 0);
    return true;
  }
}
