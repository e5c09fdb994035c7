package dev.ghlake.source;

/**
 * Where a JSON object or array written in a byte range ends, by its structure alone (brackets,
 * strings and their escapes), without parsing it. Used only to take apart lines that did not
 * parse, and lines too long to hold: the normal path never pays for it.
 */
final class JsonBounds {
  /** No end before the limit: the value is cut, or the bytes are not JSON. */
  static final int OPEN = -1;

  private JsonBounds() {}

  /**
   * The index just after the value that opens at {@code from} (which must hold {@code {} or
   * {@code [}), or {@link #OPEN} when it does not close before {@code limit}.
   */
  static int end(byte[] b, int from, int limit) {
    int depth = 0;
    boolean inString = false;
    for (int i = from; i < limit; i++) {
      byte c = b[i];
      if (inString) {
        if (c == '\\') {
          i++; // the escaped byte cannot end the string
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        depth++;
      } else if ((c == '}' || c == ']') && --depth == 0) {
        return i + 1;
      } else if (depth <= 0) {
        return OPEN; // a close without an open: not a value that starts here
      }
    }
    return OPEN;
  }

  /**
   * The index just after the last value that closes at depth zero in {@code [0, limit)}, or 0
   * when none does: where a run of values written without newlines can be cut safely.
   */
  static int lastTopLevelEnd(byte[] b, int limit) {
    int depth = 0;
    boolean inString = false;
    int last = 0;
    for (int i = 0; i < limit; i++) {
      byte c = b[i];
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = depth > 0; // a quote between values is junk, not a string
      } else if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        depth = Math.max(0, depth - 1);
        if (depth == 0) {
          last = i + 1;
        }
      }
    }
    return last;
  }

  /** Whether a value that ends at {@code at} is followed by a place another value may start. */
  static boolean isBoundary(byte[] b, int at, int limit) {
    if (at >= limit) {
      return true;
    }
    byte c = b[at];
    return c == '{' || c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0;
  }
}
