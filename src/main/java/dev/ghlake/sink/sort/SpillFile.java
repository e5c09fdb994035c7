package dev.ghlake.sink.sort;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A local file of sorted runs ({@link SortedRows}' overflow): rows appended as length-prefixed
 * bytes, a run ended at a time, then every run read back front to back ({@link SpilledRun}).
 * Made on the first row; {@link #close} removes it.
 */
final class SpillFile implements AutoCloseable {
  private final Path folder;
  private final List<long[]> runs = new ArrayList<>();
  private Path path;
  private OutputStream out;
  private FileChannel read;
  private long size;
  private long runStart;

  SpillFile(Path folder) {
    this.folder = folder;
  }

  /** Appends a row to the run being written. */
  void append(byte[] bytes, int offset, int length) throws IOException {
    if (out == null) {
      Files.createDirectories(folder);
      path = Files.createTempFile(folder, "sort-", ".rows");
      out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
    }
    int n = length;
    while ((n & ~0x7f) != 0) { // unsigned varint length
      out.write((n & 0x7f) | 0x80);
      n >>>= 7;
      size++;
    }
    out.write(n);
    out.write(bytes, offset, length);
    size += 1 + length;
  }

  /** Ends the run the rows appended since the last one make. */
  void endRun() {
    runs.add(new long[] {runStart, size});
    runStart = size;
  }

  int runCount() {
    return runs.size();
  }

  /** Every run, each read through a buffer of its own; nothing is appended after this. */
  List<RowRun> openRuns(int bufferBytes) throws IOException {
    out.close();
    out = null;
    read = FileChannel.open(path, StandardOpenOption.READ);
    List<RowRun> open = new ArrayList<>();
    for (long[] run : runs) {
      open.add(new SpilledRun(read, run[0], run[1], bufferBytes));
    }
    return open;
  }

  /** Closes and removes the file; ready for the next file's rows. */
  @Override
  public void close() throws IOException {
    try {
      if (out != null) {
        out.close();
      }
      if (read != null) {
        read.close();
      }
    } finally {
      out = null;
      read = null;
      if (path != null) {
        Files.deleteIfExists(path);
      }
      path = null;
      size = 0;
      runStart = 0;
      runs.clear();
    }
  }
}
