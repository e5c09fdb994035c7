package dev.ghlake.sink;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * One {@link SortedRows} serving file after file: rows come back whole and in (time, id) order
 * whether they were kept in memory or spilled, a file's rows never show another file's bytes
 * through a reused page, and a file's spill file is gone once the next file starts.
 */
public class SortedRowsTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void servesFileAfterFileFromReusedPagesAndSpill() throws IOException {
    Path spill = tmp.newFolder("spill").toPath();
    Random random = new Random(7);
    try (SortedRows rows = new SortedRows(3L << 20, spill)) { // 3 MiB: the first file spills
      byte[][] first = rows(random, 4_000, 1_500, 'a');
      first[17] = filled(1_200_000, 'B'); // a row over a page's size gets a page of its own
      check(rows, first);
      rows.reset();
      assertEquals("the first file's spill file is removed", 0, files(spill));

      byte[][] second = rows(random, 900, 2_000, 'x'); // fits in memory: every page reused
      check(rows, second);
      rows.reset();

      byte[][] third = rows(random, 5_000, 1_800, 'm'); // pages reused, then a new spill file
      check(rows, third);
      assertTrue("pages are reused: the budget and a page's slack at most, not a file's worth more: "
          + rows.heldBytes(), rows.heldBytes() <= (4L << 20));
    }
    assertEquals("closing removes the last spill file", 0, files(spill));
  }

  /** Adds the rows with times and ids from their index, then reads them back in sorted order. */
  private static void check(SortedRows rows, byte[][] expected) throws IOException {
    int n = expected.length;
    for (int i = 0; i < n; i++) {
      int k = n - 1 - i; // added in reverse, so order() has work to do
      rows.add(expected[k], expected[k].length, 1_000_000L * (k / 3), String.format("id-%06d", k));
    }
    assertEquals(n, rows.size());
    int[] order = rows.order(Comparator.naturalOrder());
    for (int i = 0; i < n; i++) {
      SortedRows.Row r = rows.row(order[i]);
      assertEquals("row " + i + " in time, then id order", i, Integer.parseInt(rows.id(order[i]).substring(3)));
      assertArrayEquals("row " + i + "'s bytes", expected[i], Arrays.copyOfRange(r.bytes, r.offset, r.offset + r.length));
    }
  }

  private static byte[][] rows(Random random, int count, int maxLength, char fill) {
    byte[][] rows = new byte[count][];
    for (int i = 0; i < count; i++) {
      byte[] row = filled(1 + random.nextInt(maxLength), fill);
      byte[] tag = Integer.toString(i).getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(tag, 0, row, 0, Math.min(tag.length, row.length));
      rows[i] = row;
    }
    return rows;
  }

  private static byte[] filled(int length, char c) {
    byte[] b = new byte[length];
    Arrays.fill(b, (byte) c);
    return b;
  }

  private static long files(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.count();
    }
  }
}
