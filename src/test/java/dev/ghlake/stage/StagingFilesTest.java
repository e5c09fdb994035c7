package dev.ghlake.stage;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;

import dev.ghlake.model.PartitionBy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Staging files as {@link StagingWriter} writes them and {@link StagingReader} reads them: every
 * row back, byte for byte and in order, per (partition, bucket) file, rows of any size included;
 * and a file cut short (a disk that filled, a copy that stopped) is an error when read, never a
 * file with fewer rows.
 */
public class StagingFilesTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void everyRowComesBackAsWritten() throws IOException {
    Random random = new Random(9);
    List<byte[]> rows = rows(random, 20_000);
    List<StagedChunk> chunks;
    try (StagingWriter writer = new StagingWriter(plan())) {
      for (int i = 0; i < rows.size(); i++) {
        writer.append(partition(i), i % 4, rows.get(i), rows.get(i).length);
      }
      chunks = writer.finish();
    }
    assertEquals("one file per partition and bucket", 3 * 4, chunks.size());
    for (StagedChunk chunk : chunks) {
      List<byte[]> expected = new ArrayList<>();
      long bytes = 0;
      for (int i = 0; i < rows.size(); i++) {
        if (partition(i).equals(chunk.partition()) && i % 4 == chunk.bucket()) {
          expected.add(rows.get(i));
          bytes += rows.get(i).length;
        }
      }
      assertEquals(expected.size(), chunk.rows());
      assertEquals(bytes, chunk.bytes());
      List<byte[]> actual = read(chunk);
      assertEquals(expected.size(), actual.size());
      for (int i = 0; i < expected.size(); i++) {
        assertArrayEquals(chunk.path() + ", row " + i, expected.get(i), actual.get(i));
      }
    }
  }

  @Test
  public void aFileCutShortIsAnErrorNotFewerRows() throws IOException {
    List<byte[]> rows = rows(new Random(10), 5_000);
    StagedChunk chunk;
    try (StagingWriter writer = new StagingWriter(plan())) {
      for (byte[] row : rows) {
        writer.append("dt=2024-07-01/hour=00", 0, row, row.length);
      }
      chunk = writer.finish().get(0);
    }
    Path file = Path.of(chunk.path());
    byte[] whole = Files.readAllBytes(file);
    for (int cut : new int[] {whole.length - 1, whole.length - 4, whole.length / 2, 7}) {
      Files.write(file, Arrays.copyOf(whole, cut));
      assertThrows("cut at " + cut + " of " + whole.length, IOException.class, () -> read(chunk));
    }
  }

  private StagingPlan plan() throws IOException {
    return new StagingPlan(tmp.newFolder().toString(), PartitionBy.hour, 4);
  }

  private static String partition(int i) {
    return "dt=2024-07-01/hour=0" + (i % 3);
  }

  /** Every row of a chunk, copied (the reader reuses its buffer). */
  private static List<byte[]> read(StagedChunk chunk) throws IOException {
    List<byte[]> rows = new ArrayList<>();
    try (StagingReader reader = StagingReader.open(chunk)) {
      while (reader.next()) {
        rows.add(Arrays.copyOf(reader.row(), reader.length()));
      }
      assertFalse(reader.next());
    }
    return rows;
  }

  private static List<byte[]> rows(Random random, int count) {
    List<byte[]> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      // some rows over a 64 KiB block, some empty
      int length = i % 1_000 == 0 ? 300_000 : i % 1_000 == 1 ? 0 : 1 + random.nextInt(2_000);
      StringBuilder s = new StringBuilder();
      while (s.length() < length) {
        s.append("{\"login\":\"user-").append(random.nextInt(9_000)).append("\"}");
      }
      rows.add(s.substring(0, length).getBytes(StandardCharsets.US_ASCII));
    }
    return rows;
  }
}
