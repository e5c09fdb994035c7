package dev.ghlake.source;

import java.util.ArrayList;
import java.util.List;

/**
 * Takes apart a line that did not parse as one event into the events it holds and the broken
 * bytes between them. GH Archive's files have such lines (its issue tracker, igrigorik/gharchive.org):
 * events written one after another with no newline ({@code }{}, #9, #17, #18, #50, #53), an event
 * cut inside a string with the next one glued on (#169, #271), and runs of NUL bytes where a
 * record was wiped (#190). Each event on the line is kept; a broken one costs one dead letter.
 *
 * <p>A piece is an event candidate when an object opens there, closes by its structure, and is
 * followed by the end of the line, white space, a NUL or the next object: nested objects of a
 * broken event are followed by a comma or a bracket, so they are never taken for events.
 */
public final class SharedLine {
  private SharedLine() {}

  /** A range of the line: an object to shape, or bytes that are no event. */
  public record Piece(int start, int end, boolean object) {
    public int length() {
      return end - start;
    }
  }

  /**
   * The pieces of {@code bytes[0, length)} in order; white space and NULs between objects are
   * left out unless they are all there is between two objects (a wiped record). One piece that
   * covers the whole line means there was nothing to take apart.
   */
  public static List<Piece> split(byte[] bytes, int length) {
    List<Piece> pieces = new ArrayList<>(4);
    int pos = afterBlank(bytes, 0, length, pieces);
    while (pos < length) {
      int end = bytes[pos] == '{' ? JsonBounds.end(bytes, pos, length) : JsonBounds.OPEN;
      if (end != JsonBounds.OPEN && JsonBounds.isBoundary(bytes, end, length)) {
        pieces.add(new Piece(pos, end, true));
        pos = afterBlank(bytes, end, length, pieces);
        continue;
      }
      int next = nextObject(bytes, pos + 1, length);
      pieces.add(new Piece(pos, trimEnd(bytes, pos, next), false));
      pos = next;
    }
    return pieces;
  }

  /** Whether the pieces are just the line itself: nothing was found to keep apart. */
  public static boolean isWhole(List<Piece> pieces) {
    return pieces.size() <= 1;
  }

  /** Skips blanks before an object; a NUL run there is a wiped record and becomes a piece. */
  private static int afterBlank(byte[] b, int from, int limit, List<Piece> pieces) {
    int i = from;
    boolean nul = false;
    while (i < limit && isBlank(b[i])) {
      nul |= b[i] == 0;
      i++;
    }
    if (nul) {
      pieces.add(new Piece(from, i, false));
    }
    return i;
  }

  /** The next place an event candidate starts after {@code from}, or the limit. */
  private static int nextObject(byte[] b, int from, int limit) {
    for (int i = from; i < limit; i++) {
      if (b[i] == '{' && i + 1 < limit && b[i + 1] == '"') {
        int end = JsonBounds.end(b, i, limit);
        if (end != JsonBounds.OPEN && JsonBounds.isBoundary(b, end, limit)) {
          return i;
        }
      }
    }
    return limit;
  }

  private static int trimEnd(byte[] b, int start, int end) {
    int e = end;
    while (e > start + 1 && b[e - 1] != 0 && isBlank(b[e - 1])) {
      e--;
    }
    return e;
  }

  private static boolean isBlank(byte c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0;
  }
}
