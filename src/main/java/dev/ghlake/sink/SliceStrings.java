package dev.ghlake.sink;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Strings for UTF-8 byte slices that repeat (event types, source names), made once each: a row's
 * tallies name its type and source, and building a string per row would be waste.
 */
final class SliceStrings {
  private byte[][] keys = new byte[64][];
  private String[] values = new String[64];
  private int size;

  String of(byte[] bytes, int offset, int length) {
    int mask = keys.length - 1;
    int i = hash(bytes, offset, length) & mask;
    while (keys[i] != null) {
      if (Arrays.equals(keys[i], 0, keys[i].length, bytes, offset, offset + length)) {
        return values[i];
      }
      i = (i + 1) & mask;
    }
    String value = new String(bytes, offset, length, StandardCharsets.UTF_8);
    keys[i] = Arrays.copyOfRange(bytes, offset, offset + length);
    values[i] = value;
    if (++size * 2 > keys.length) {
      grow(); // moves entries: i no longer points at this one
    }
    return value;
  }

  private void grow() {
    byte[][] oldKeys = keys;
    String[] oldValues = values;
    keys = new byte[oldKeys.length * 2][];
    values = new String[oldKeys.length * 2];
    size = 0;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldKeys[j] != null) {
        int mask = keys.length - 1;
        int i = hash(oldKeys[j], 0, oldKeys[j].length) & mask;
        while (keys[i] != null) {
          i = (i + 1) & mask;
        }
        keys[i] = oldKeys[j];
        values[i] = oldValues[j];
        size++;
      }
    }
  }

  private static int hash(byte[] b, int offset, int length) {
    int h = 1;
    for (int i = offset; i < offset + length; i++) {
      h = 31 * h + b[i];
    }
    return h ^ (h >>> 16);
  }
}
