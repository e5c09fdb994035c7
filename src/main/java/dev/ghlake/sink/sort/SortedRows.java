package dev.ghlake.sink.sort;

import dev.ghlake.stage.RowFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rows of one output file, put in {@link RowOrder}: kept in memory up to a budget; each time
 * the budget is full, the rows held are sorted and written out as one sorted run to a local
 * {@link SpillFile}, and at the end the runs and the rows still held are merged ({@link
 * MergedRows}), each run read front to back. So building a file holds the budget plus a read buffer per run, however many rows
 * it has, and spilled rows cost sequential reads, not one read each. One instance serves file
 * after file ({@link #reset}): its pages are reused, so a worker's row memory is allocated once
 * and stays put instead of becoming old garbage the collector must sweep after every file.
 */
public final class SortedRows implements AutoCloseable {
  private static final int PAGE = 1 << 20;
  private static final int RUN_BUFFER = 1 << 18;

  private final long memoryBudget;
  private final SpillFile spill;
  private final RowOrder order = new RowOrder();
  private final SortKeys sortKeys = new SortKeys();
  private final List<byte[]> pages = new ArrayList<>();
  private int page = -1;
  private int pageUsed = PAGE;
  private long inMemory;
  private long[] createdAt = new long[1024];
  private long[] where = new long[1024];
  private int[] lengths = new int[1024];
  private int size;
  private long rows;

  public SortedRows(long memoryBudget, Path spillFolder) {
    this.memoryBudget = memoryBudget;
    this.spill = new SpillFile(spillFolder);
  }

  /**
   * Forgets the rows (and removes their spill file), keeping the pages for the next file's: all
   * but a page made for one big row.
   */
  public void reset() throws IOException {
    spill.close();
    clearMemory();
    rows = 0;
    pages.replaceAll(p -> p == null || p.length > PAGE ? null : p); // a big row's page is not kept
  }

  /** Adds an encoded row (see {@code RowFormat}), whose head the caller has read. */
  public void add(byte[] row, int length, RowFormat.Head head) throws IOException {
    if (size > 0 && inMemory + length > memoryBudget) {
      spillRun();
    }
    if (size == createdAt.length) {
      grow();
    }
    createdAt[size] = head.createdAt;
    sortKeys.add(size, head.createdAt, row, head.idOffset, head.idLength);
    lengths[size] = length;
    where[size] = keep(row, length);
    size++;
    rows++;
  }

  /** Rows added since the last reset. */
  public long size() {
    return rows;
  }

  /** Bytes of row memory held (pages in use or kept for the next file). */
  long heldBytes() {
    return pages.stream().filter(p -> p != null).mapToLong(p -> p.length).sum();
  }

  /** Sorted runs written to the spill file since the last reset. */
  int spilledRuns() {
    return spill.runCount();
  }

  /** Every row, in order; the rows must not change until the merge is done. */
  public MergedRows sorted() throws IOException {
    RowRun memory = new MemoryRun(memoryOrder());
    if (spill.runCount() == 0) {
      return new MergedRows(List.of(memory), order);
    }
    List<RowRun> runs = new ArrayList<>(spill.openRuns(RUN_BUFFER));
    runs.add(memory);
    return new MergedRows(runs, order);
  }

  /** The rows held in memory, sorted, appended to the spill file as one run; memory is cleared. */
  private void spillRun() throws IOException {
    for (int i : memoryOrder()) {
      spill.append(pages.get((int) (where[i] >>> 20)), (int) (where[i] & (PAGE - 1)), lengths[i]);
    }
    spill.endRun();
    clearMemory();
  }

  private void clearMemory() {
    size = 0;
    inMemory = 0;
    page = -1;
    pageUsed = PAGE;
    sortKeys.clear();
  }

  /**
   * The memory rows' indices in order. Rows are sorted as primitive keys ({@link SortKeys}); only
   * rows whose keys tie (copies of one event, or rows of one time when ids are not in the key) are
   * compared as bytes.
   */
  private int[] memoryOrder() {
    long[] keys = sortKeys.keys(createdAt, size);
    if (keys == null) { // too wide to pack: sort objects
      Integer[] boxed = new Integer[size];
      Arrays.setAll(boxed, i -> i);
      Arrays.sort(boxed, this::compareMemory);
      return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
    }
    Arrays.sort(keys);
    int[] sorted = new int[size];
    for (int i = 0; i < size; i++) {
      sorted[i] = (int) (keys[i] & ((1 << SortKeys.INDEX_BITS) - 1));
    }
    for (int start = 0; start < size; ) {
      int end = start + 1;
      while (end < size && keys[end] >>> SortKeys.INDEX_BITS == keys[start] >>> SortKeys.INDEX_BITS) {
        end++;
      }
      if (end - start > 1) {
        Integer[] run = new Integer[end - start];
        for (int k = start; k < end; k++) {
          run[k - start] = sorted[k];
        }
        Arrays.sort(run, this::compareMemory);
        for (int k = start; k < end; k++) {
          sorted[k] = run[k - start];
        }
      }
      start = end;
    }
    return sorted;
  }

  private int compareMemory(Integer x, Integer y) {
    long wx = where[x];
    long wy = where[y];
    return order.compare(pages.get((int) (wx >>> 20)), (int) (wx & (PAGE - 1)), lengths[x],
        pages.get((int) (wy >>> 20)), (int) (wy & (PAGE - 1)), lengths[y]);
  }

  private long keep(byte[] row, int length) {
    if (length > PAGE - pageUsed) {
      nextPage(length);
    }
    System.arraycopy(row, 0, pages.get(page), pageUsed, length);
    long at = ((long) page << 20) | pageUsed;
    pageUsed += length;
    inMemory += length;
    if (length > PAGE) { // a big row has a page of its own, over the page size: start a new one
      pageUsed = PAGE;
    }
    return at;
  }

  /** Moves to the next page, reusing the one a previous file left there when it is big enough. */
  private void nextPage(int length) {
    page++;
    pageUsed = 0;
    int capacity = Math.max(PAGE, length);
    if (page == pages.size()) {
      pages.add(new byte[capacity]);
    } else if (pages.get(page) == null || pages.get(page).length < capacity) {
      pages.set(page, new byte[capacity]);
    }
  }

  private void grow() {
    int n = createdAt.length * 2;
    createdAt = Arrays.copyOf(createdAt, n);
    where = Arrays.copyOf(where, n);
    lengths = Arrays.copyOf(lengths, n);
  }

  @Override
  public void close() throws IOException {
    spill.close();
    pages.clear();
  }

  /** The rows still in memory, in order. */
  private final class MemoryRun implements RowRun {
    private final int[] sorted;
    private int next;
    private int row = -1;

    MemoryRun(int[] sorted) {
      this.sorted = sorted;
    }

    @Override
    public boolean advance() {
      if (next == sorted.length) {
        return false;
      }
      row = sorted[next++];
      return true;
    }

    @Override
    public byte[] bytes() {
      return pages.get((int) (where[row] >>> 20));
    }

    @Override
    public int offset() {
      return (int) (where[row] & (PAGE - 1));
    }

    @Override
    public int length() {
      return lengths[row];
    }

    @Override
    public boolean stable() {
      return true;
    }
  }
}
