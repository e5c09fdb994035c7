package dev.ghlake.sink.sort;

import java.io.IOException;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Sorted runs merged into one order: {@link #bytes}{@code [offset, offset + length)} after each
 * {@link #next}; {@code stable} when those bytes stay put until the rows are reset (kept in
 * memory), not reused for the next row (read from a spill file).
 */
public final class MergedRows {
  private final PriorityQueue<RowRun> heads;
  private RowRun current;

  MergedRows(List<RowRun> runs, RowOrder order) throws IOException {
    heads = new PriorityQueue<>(Math.max(1, runs.size()), (a, b) -> order.compare(
        a.bytes(), a.offset(), a.length(), b.bytes(), b.offset(), b.length()));
    for (RowRun run : runs) {
      if (run.advance()) {
        heads.add(run);
      }
    }
  }

  /** Moves to the next row; false after the last. */
  public boolean next() throws IOException {
    if (current != null && current.advance()) {
      heads.add(current);
    }
    current = heads.poll();
    return current != null;
  }

  public byte[] bytes() {
    return current.bytes();
  }

  public int offset() {
    return current.offset();
  }

  public int length() {
    return current.length();
  }

  public boolean stable() {
    return current.stable();
  }

  long time() {
    return RowOrder.time(current.bytes(), current.offset());
  }
}
