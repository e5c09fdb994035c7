package dev.ghlake.transform.normalize;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Whether a JSON text is exactly what Jackson writes when it copies it token by token: no
 * whitespace between tokens, ASCII only, integers only ({@code 1.0}, {@code 1e3} and {@code -0}
 * are re-spelt), and string escapes spelt as Jackson spells them (an escaped slash, or a letter
 * written as a hex escape, is not). Such a text can be edited in place and still equal a
 * re-written copy. Checks the characters only: the text must already have parsed as JSON.
 */
final class CanonicalJson {
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;

  private CanonicalJson() {}

  static boolean is(byte[] b, int from, int to) {
    int i = from;
    while (i < to) {
      switch (b[i]) {
        case '"' -> i = stringEnd(b, i + 1, to);
        case '{', '}', '[', ']', ':', ',' -> i++;
        case 't', 'n' -> i += 4; // true, null
        case 'f' -> i += 5; // false
        case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> i = integerEnd(b, i, to);
        default -> i = -1; // whitespace, or not JSON
      }
      if (i < 0) {
        return false;
      }
    }
    return i == to;
  }

  /** The index after a string's closing quote, or -1 when Jackson would spell it otherwise. */
  private static int stringEnd(byte[] b, int i, int to) {
    while (i < to) {
      while (i + 8 <= to && plain(b, i)) { // strings are most of a payload: eight bytes a step
        i += 8;
      }
      byte c = b[i];
      if (c == '"') {
        return i + 1;
      }
      if (c < 0x20) { // control characters and every non-ASCII byte (bytes are signed)
        return -1;
      }
      if (c != '\\') {
        i++;
      } else if (i + 1 < to && isShortEscape(b[i + 1])) {
        i += 2;
      } else if (i + 5 < to && isJacksonUnicodeEscape(b, i + 1)) {
        i += 6;
      } else {
        return -1;
      }
    }
    return -1;
  }

  /** Whether none of the eight bytes at {@code i} ends, escapes or leaves plain ASCII text. */
  private static boolean plain(byte[] b, int i) {
    long x = (long) LONGS.get(b, i);
    long quote = x ^ 0x2222222222222222L;
    long backslash = x ^ 0x5C5C5C5C5C5C5C5CL;
    // a zero byte in quote/backslash, or a byte below 0x20 or above 0x7F in x, sets its high bit
    long special = ((quote - ONES) & ~quote) | ((backslash - ONES) & ~backslash)
        | (x - 0x2020202020202020L) | x;
    return (special & HIGHS) == 0;
  }

  private static boolean isShortEscape(byte e) {
    return e == '"' || e == '\\' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't';
  }

  /**
   * {@code u00XY} for a control character without a short escape, upper-case hex: the only
   * {@code \\u} escape Jackson writes.
   */
  private static boolean isJacksonUnicodeEscape(byte[] b, int u) {
    if (b[u] != 'u' || b[u + 1] != '0' || b[u + 2] != '0' || (b[u + 3] != '0' && b[u + 3] != '1')) {
      return false;
    }
    int low = Character.digit(b[u + 4], 16);
    if (low < 0 || (b[u + 4] >= 'a' && b[u + 4] <= 'f')) {
      return false;
    }
    int c = (b[u + 3] - '0') * 16 + low;
    return c != '\b' && c != '\t' && c != '\n' && c != '\f' && c != '\r';
  }

  /** The index after an integer as Jackson writes it, or -1 (a fraction, exponent or -0). */
  private static int integerEnd(byte[] b, int i, int to) {
    int start = b[i] == '-' ? i + 1 : i;
    int j = start;
    while (j < to && b[j] >= '0' && b[j] <= '9') {
      j++;
    }
    if (j == start || (b[start] == '0' && (j - start > 1 || start > i))) {
      return -1;
    }
    return j < to && (b[j] == '.' || b[j] == 'e' || b[j] == 'E') ? -1 : j;
  }
}
