package dev.ghlake.sink.sort;

import java.util.Arrays;

/**
 * Primitive sort keys for rows held in memory, each a long: the row's time, then, where every
 * row allows it, its event id as a number, then the row's index in the low {@link #INDEX_BITS}.
 * Sorting the longs puts the rows in {@link RowOrder} but for rows whose keys differ only in the
 * index, which the caller orders by their bytes. The id is in the key when every id is a string
 * of digits of one length (GH Archive's ids are), since then numeric order is the order of their
 * bytes; and times are in whole seconds when every time is (GH Archive's are). On a modern day the
 * rows of one second, about fifty, are then told apart by a number, not by comparing bytes.
 */
final class SortKeys {
  static final int INDEX_BITS = 21;
  /** Ids longer than this do not fit a long. */
  private static final int MAX_DIGITS = 18;
  private static final long SECOND = 1_000_000L;

  private long[] ids = new long[1024];
  private int digits; // of every id so far; 0 before the first, -1 once one differs
  private boolean wholeSeconds = true;

  /** Forgets the rows, for the next batch. */
  void clear() {
    digits = 0;
    wholeSeconds = true;
  }

  /** The key data of row {@code index}: its time and id ({@code bytes[offset, offset + length)}). */
  void add(int index, long time, byte[] bytes, int offset, int length) {
    wholeSeconds &= time % SECOND == 0;
    if (digits < 0) {
      return;
    }
    long id = digitsValue(bytes, offset, length);
    if (id < 0 || (digits != 0 && digits != length)) {
      digits = -1;
      return;
    }
    digits = length;
    if (index == ids.length) {
      ids = Arrays.copyOf(ids, index * 2);
    }
    ids[index] = id;
  }

  /**
   * The keys of rows {@code [0, size)} with these times, or null when the times span too much to
   * pack with the index (then the rows are compared as bytes).
   */
  long[] keys(long[] times, int size) {
    if (size >= 1 << INDEX_BITS) {
      return null;
    }
    long minTime = Long.MAX_VALUE;
    long maxTime = Long.MIN_VALUE;
    for (int i = 0; i < size; i++) {
      minTime = Math.min(minTime, times[i]);
      maxTime = Math.max(maxTime, times[i]);
    }
    long unit = wholeSeconds ? SECOND : 1;
    int timeBits = bits((maxTime - minTime) / unit);
    if (timeBits + INDEX_BITS > 63) {
      return null;
    }
    // the ids join the key when every one is digits of one length and their span fits
    int idBits = -1;
    long minId = 0;
    if (digits > 0 && size > 0) {
      minId = Long.MAX_VALUE;
      long maxId = Long.MIN_VALUE;
      for (int i = 0; i < size; i++) {
        minId = Math.min(minId, ids[i]);
        maxId = Math.max(maxId, ids[i]);
      }
      if (bits(maxId - minId) <= 63 - INDEX_BITS - timeBits) {
        idBits = bits(maxId - minId);
      }
    }
    long[] keys = new long[size];
    for (int i = 0; i < size; i++) {
      long key = (times[i] - minTime) / unit;
      if (idBits >= 0) {
        key = (key << idBits) | (ids[i] - minId);
      }
      keys[i] = (key << INDEX_BITS) | i;
    }
    return keys;
  }

  /** The value of a string of 1 to 18 ASCII digits, or -1 when it is not one. */
  private static long digitsValue(byte[] b, int offset, int length) {
    if (length == 0 || length > MAX_DIGITS) {
      return -1;
    }
    long v = 0;
    for (int i = offset; i < offset + length; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }

  private static int bits(long span) {
    return 64 - Long.numberOfLeadingZeros(span);
  }
}
