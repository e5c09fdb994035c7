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
 * file holds about its keys plus the budget, however many rows it has.
 */
final class SortedRows implements AutoCloseable {
  private static final int PAGE = 1 << 20;

  private final long memoryBudget;
  private final Path spillFolder;
  private final List<byte[]> pages = new ArrayList<>();
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

  long time(int i) {
    return createdAt[i];
  }

  String id(int i) {
    return ids[i];
  }

  /** The rows' indices by time, then id, then {@code ties} for rows equal in both. */
  int[] order(Comparator<Integer> ties) {
    Integer[] order = new Integer[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.<Integer>comparingLong(i -> createdAt[i])
        .thenComparing(i -> ids[i]).thenComparing(ties));
    return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
  }

  /** Row {@code i}'s bytes; valid until the next call. */
  Row row(int i) throws IOException {
    long w = where[i];
    if (w >= 0) {
      current.bytes = pages.get((int) (w >>> 20));
      current.offset = (int) (w & (PAGE - 1));
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
    }
    current.length = lengths[i];
    return current;
  }

  private long keep(byte[] row, int length) {
    if (length > PAGE - pageUsed) {
      pages.add(new byte[Math.max(PAGE, length)]);
      pageUsed = 0;
    }
    System.arraycopy(row, 0, pages.get(pages.size() - 1), pageUsed, length);
    long at = ((long) (pages.size() - 1) << 20) | pageUsed;
    pageUsed += length;
    inMemory += length;
    if (length > PAGE) { // a big row has a page of its own, over the page size: start a new one
      pageUsed = PAGE;
    }
    return at;
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
    if (spillOut != null) {
      spillOut.close();
    }
    if (spillRead != null) {
      spillRead.close();
    }
    if (spillPath != null) {
      Files.deleteIfExists(spillPath);
    }
    pages.clear();
  }

  /** A row's bytes: {@code bytes[offset, offset + length)}. */
  static final class Row {
    byte[] bytes;
    int offset;
    int length;
    private byte[] spillBuffer = new byte[8192];
  }
}
