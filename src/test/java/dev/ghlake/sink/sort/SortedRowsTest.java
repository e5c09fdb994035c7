package dev.ghlake.sink.sort;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.ghlake.model.EventRow;
import dev.ghlake.stage.RowBuffer;
import dev.ghlake.stage.RowFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * One {@link SortedRows} serving file after file: rows come back whole and in order whether they
 * stayed in memory or went through sorted runs on disk, in the same order whatever the memory
 * budget, a file's rows never show another file's bytes through a reused page, and a file's
 * spill file is gone once the next file starts. Sorting by primitive keys gives the order of
 * {@link RowOrder} whatever the ids and times.
 */
public class SortedRowsTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void servesFileAfterFileFromReusedPagesAndSortedRuns() throws IOException {
    Path spill = tmp.newFolder("spill").toPath();
    Random random = new Random(7);
    try (SortedRows rows = new SortedRows(3L << 20, spill)) { // 3 MiB: the first file spills
      List<byte[]> first = rows(random, 8_000, 1_500, 'a');
      first.set(17, row(17, 1_200_000, 'B', "s")); // a row over a page's size gets a page of its own
      check(rows, first, random);
      assertTrue("the first file went through sorted runs: " + rows.spilledRuns(), rows.spilledRuns() >= 2);
      rows.reset();
      assertEquals("the first file's spill file is removed", 0, files(spill));

      List<byte[]> second = rows(random, 900, 2_000, 'x'); // fits in memory: every page reused
      check(rows, second, random);
      assertEquals(0, rows.spilledRuns());
      rows.reset();

      List<byte[]> third = rows(random, 5_000, 1_800, 'm'); // pages reused, then a new spill file
      check(rows, third, random);
      assertTrue("pages are reused: the budget and a page's slack at most, not a file's worth more: "
          + rows.heldBytes(), rows.heldBytes() <= (4L << 20));
    }
    assertEquals("closing removes the last spill file", 0, files(spill));
  }

  @Test
  public void copiesOfAnEventComeInTheSameOrderWhateverTheBudget() throws IOException {
    Random random = new Random(3);
    List<byte[]> all = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) { // few seconds and ids: many copies, told apart by payload and source
      EventRow r = new EventRow();
      r.eventId = "e" + random.nextInt(400);
      r.createdAt = 1_000_000L * random.nextInt(5);
      r.type = "PushEvent";
      byte[] payload = ("{\"n\":" + random.nextInt(3) + "}").getBytes(StandardCharsets.UTF_8);
      r.payload(payload, 0, payload.length);
      r.sourceFile = "hour-" + random.nextInt(2) + ".json.gz";
      r.actorLogin = "a" + random.nextInt(1_000);
      RowBuffer b = new RowFormat().encode(r);
      all.add(Arrays.copyOf(b.bytes(), b.length()));
    }
    List<byte[]> inMemory = sorted(all, 1L << 30);
    List<byte[]> manyRuns = sorted(all, 8 << 10);
    assertEquals(all.size(), manyRuns.size());
    for (int i = 0; i < all.size(); i++) {
      assertArrayEquals("row " + i, inMemory.get(i), manyRuns.get(i));
    }
  }

  @Test
  public void numericIdsSortAsTheirBytesDo() throws IOException {
    Random random = new Random(5);
    RowOrder order = new RowOrder();
    // ids of one length (GH Archive's: the id joins the primitive key), of several lengths ("9"
    // after "10" as bytes), and not numeric; times in whole seconds or not; many copies
    for (String kind : List.of("one length", "lengths", "letters")) {
      for (long unit : new long[] {1_000_000L, 1_000L}) {
        List<byte[]> all = new ArrayList<>();
        for (int i = 0; i < 4_000; i++) {
          long id = 40_000_000_000L + random.nextInt(3_000);
          String eventId = switch (kind) {
            case "one length" -> Long.toString(id);
            case "lengths" -> Long.toString(id % (random.nextBoolean() ? 1_000 : 100));
            default -> "e" + id;
          };
          all.add(event(eventId, unit * random.nextInt(60), random));
        }
        List<byte[]> expected = new ArrayList<>(all);
        expected.sort((a, b) -> order.compare(a, 0, a.length, b, 0, b.length));
        for (long budget : new long[] {1L << 30, 64 << 10}) {
          List<byte[]> actual = sorted(all, budget);
          for (int i = 0; i < all.size(); i++) {
            assertArrayEquals(kind + ", unit " + unit + ", budget " + budget + ": row " + i,
                expected.get(i), actual.get(i));
          }
        }
      }
    }
  }

  private static byte[] event(String id, long createdAt, Random random) {
    EventRow r = new EventRow();
    r.eventId = id;
    r.createdAt = createdAt;
    r.type = "PushEvent";
    byte[] payload = ("{\"n\":" + random.nextInt(3) + "}").getBytes(StandardCharsets.UTF_8);
    r.payload(payload, 0, payload.length);
    r.sourceFile = "hour-" + random.nextInt(2) + ".json.gz";
    RowBuffer b = new RowFormat().encode(r);
    return Arrays.copyOf(b.bytes(), b.length());
  }

  private List<byte[]> sorted(List<byte[]> rows, long budget) throws IOException {
    List<byte[]> out = new ArrayList<>();
    try (SortedRows sorter = new SortedRows(budget, tmp.newFolder().toPath())) {
      for (byte[] r : rows) {
        sorter.add(r, r.length, new RowFormat.Head().read(r, 0));
      }
      MergedRows c = sorter.sorted();
      while (c.next()) {
        out.add(Arrays.copyOfRange(c.bytes(), c.offset(), c.offset() + c.length()));
      }
    }
    return out;
  }

  /** Adds the rows (time and id from their index) shuffled, then reads them back in order. */
  private static void check(SortedRows rows, List<byte[]> expected, Random random) throws IOException {
    List<byte[]> shuffled = new ArrayList<>(expected);
    Collections.shuffle(shuffled, random);
    for (byte[] r : shuffled) {
      rows.add(r, r.length, new RowFormat.Head().read(r, 0));
    }
    assertEquals(expected.size(), rows.size());
    MergedRows c = rows.sorted();
    for (int i = 0; i < expected.size(); i++) {
      assertTrue("row " + i + " is there", c.next());
      assertArrayEquals("row " + i + " in time, then id order, whole",
          expected.get(i), Arrays.copyOfRange(c.bytes(), c.offset(), c.offset() + c.length()));
    }
    assertTrue("no more rows", !c.next());
  }

  private static List<byte[]> rows(Random random, int count, int maxPayload, char fill) {
    List<byte[]> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      rows.add(row(i, 1 + random.nextInt(maxPayload), fill, "src-" + i % 3));
    }
    return rows;
  }

  /** Row {@code i}: at second i / 3, id {@code id-<i>}, a payload of {@code length} bytes. */
  private static byte[] row(int i, int length, char fill, String source) {
    EventRow r = new EventRow();
    r.eventId = String.format("id-%06d", i);
    r.createdAt = 1_000_000L * (i / 3);
    r.type = "PushEvent";
    byte[] payload = new byte[length];
    Arrays.fill(payload, (byte) fill);
    r.payload(payload, 0, length);
    r.sourceFile = source;
    RowBuffer b = new RowFormat().encode(r);
    return Arrays.copyOf(b.bytes(), b.length());
  }

  private static long files(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.count();
    }
  }
}
