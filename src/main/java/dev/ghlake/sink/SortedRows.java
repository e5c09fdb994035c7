package dev.ghlake.sink;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The rows of one output file, put in order: each row's sort key (time, id) is kept in memory,
 * the row's bytes in memory up to a budget and in a local spill file beyond it. So building a
 * file holds about its keys plus the budget, however many rows it has. One instance serves file
 * after file ({@link #reset}): its pages are reused, so a worker's row memory is allocated once
 * and stays put instead of becoming old garbage the collector must sweep after every file.
 */
final class SortedRows implements AutoCloseable {
  private static final int PAGE = 1 << 20;

  private final long memoryBudget;
  private final Path spillFolder;
  private final List<byte[]> pages = new ArrayList<>();
  private int page = -1;
  private int pageUsed = PAGE;
  private long inMemory;
  private Path spillPath;
  private OutputStream spillOut;
  private FileChannel spillRead;
  private long spillSize;
  private long[] createdAt = new long[1024];
  private String[] ids = new String[1024];
  private long[] where = new long[1024];
  private int[] lengths = new int[1024];
  private int size;
  private final Row current = new Row();

  SortedRows(long memoryBudget, Path spillFolder) {
    this.memoryBudget = memoryBudget;
    this.spillFolder = spillFolder;
  }

  /** Forgets the rows (and removes their spill file), keeping the pages for the next file's. */
  void reset() throws IOException {
    closeSpill();
    Arrays.fill(ids, 0, size, null);
    size = 0;
    inMemory = 0;
    page = -1;
    pageUsed = PAGE;
  }

  void add(byte[] row, int length, long time, String id) throws IOException {
    if (size == createdAt.length) {
      grow();
    }
    createdAt[size] = time;
    ids[size] = id;
    lengths[size] = length;
    where[size] = inMemory + length <= memoryBudget ? keep(row, length) : spill(row, length);
    size++;
  }

  int size() {
    return size;
  }

  /** Bytes of row memory held (pages in use or kept for the next file). */
  long heldBytes() {
    return pages.stream().mapToLong(p -> p.length).sum();
  }

  long time(int i) {
    return createdAt[i];
  }

  String id(int i) {
    return ids[i];
  }

  /**
   * The rows' indices by time, then id, then {@code ties} for rows equal in both. Times are
   * sorted as primitive keys (time and index packed in a long); only the runs that share a
   * second, a few dozen rows each, are sorted by id with a comparator.
   */
  int[] order(Comparator<Integer> ties) {
    Comparator<Integer> byIdThenTies = Comparator.<Integer, String>comparing(i -> ids[i]).thenComparing(ties);
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = 0; i < size; i++) {
      min = Math.min(min, createdAt[i]);
      max = Math.max(max, createdAt[i]);
    }
    if (size >= 1 << 21 || max - min >= 1L << 42) { // too wide to pack: sort objects
      Integer[] boxed = new Integer[size];
      Arrays.setAll(boxed, i -> i);
      Arrays.sort(boxed, Comparator.<Integer>comparingLong(i -> createdAt[i]).thenComparing(byIdThenTies));
      return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
    }
    long[] keys = new long[size];
    for (int i = 0; i < size; i++) {
      keys[i] = ((createdAt[i] - min) << 21) | i;
    }
    Arrays.sort(keys);
    int[] order = new int[size];
    for (int i = 0; i < size; i++) {
      order[i] = (int) (keys[i] & ((1 << 21) - 1));
    }
    for (int start = 0; start < size; ) {
      int end = start + 1;
      while (end < size && createdAt[order[end]] == createdAt[order[start]]) {
        end++;
      }
      if (end - start > 1) {
        Integer[] run = new Integer[end - start];
        for (int k = start; k < end; k++) {
          run[k - start] = order[k];
        }
        Arrays.sort(run, byIdThenTies);
        for (int k = start; k < end; k++) {
          order[k] = run[k - start];
        }
      }
      start = end;
    }
    return order;
  }

  /** Row {@code i}'s bytes; valid until the next call. */
  Row row(int i) throws IOException {
    long w = where[i];
    if (w >= 0) {
      current.bytes = pages.get((int) (w >>> 20));
      current.offset = (int) (w & (PAGE - 1));
      current.stable = true;
    } else {
      if (spillOut != null) {
        spillOut.close();
        spillOut = null;
        spillRead = FileChannel.open(spillPath, StandardOpenOption.READ);
      }
      if (current.spillBuffer.length < lengths[i]) {
        current.spillBuffer = new byte[Math.max(lengths[i], current.spillBuffer.length * 2)];
      }
      ByteBuffer b = ByteBuffer.wrap(current.spillBuffer, 0, lengths[i]);
      long at = -1 - w;
      while (b.hasRemaining()) {
        if (spillRead.read(b, at + b.position()) < 0) {
          throw new IOException("spill file " + spillPath + " is shorter than written");
        }
      }
      current.bytes = current.spillBuffer;
      current.offset = 0;
      current.stable = false;
    }
    current.length = lengths[i];
    return current;
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
    } else if (pages.get(page).length < capacity) {
      pages.set(page, new byte[capacity]);
    }
  }

  private long spill(byte[] row, int length) throws IOException {
    if (spillOut == null && spillPath == null) {
      Files.createDirectories(spillFolder);
      spillPath = Files.createTempFile(spillFolder, "sort-", ".rows");
      spillOut = new BufferedOutputStream(Files.newOutputStream(spillPath), 1 << 16);
    }
    long at = spillSize;
    spillOut.write(row, 0, length);
    spillSize += length;
    return -1 - at;
  }

  private void grow() {
    int n = createdAt.length * 2;
    createdAt = Arrays.copyOf(createdAt, n);
    ids = Arrays.copyOf(ids, n);
    where = Arrays.copyOf(where, n);
    lengths = Arrays.copyOf(lengths, n);
  }

  @Override
  public void close() throws IOException {
    closeSpill();
    pages.clear();
  }

  private void closeSpill() throws IOException {
    try {
      if (spillOut != null) {
        spillOut.close();
      }
      if (spillRead != null) {
        spillRead.close();
      }
    } finally {
      spillOut = null;
      spillRead = null;
      if (spillPath != null) {
        Files.deleteIfExists(spillPath);
      }
      spillPath = null;
      spillSize = 0;
    }
  }

  /**
   * A row's bytes: {@code bytes[offset, offset + length)}; {@code stable} when they stay put
   * until the rows are reset (in memory), not reused for the next row (spilled).
   */
  static final class Row {
    byte[] bytes;
    int offset;
    int length;
    boolean stable;
    private byte[] spillBuffer = new byte[8192];
  }
}
