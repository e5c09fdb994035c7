package dev.ghlake.sink;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.ghlake.stage.IdHash;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.Test;

/** Output files as ranges of the id hash: named, disjoint, covering, and fed by the right buckets. */
public class FileTaskTest {
  @Test
  public void namesSayWhichPartOfWhichRunAFileIs() {
    assertEquals("part-00003-of-00012-r1.parquet",
        new FileTask("dt=2024-07-01/hour=08", 3, 12, List.of()).fileName("r1"));
  }

  @Test
  public void everyIdFallsInExactlyOneFileAndItsBucketFeedsThatFile() {
    for (int files : new int[] {1, 2, 3, 7, 16, 40}) {
      for (int buckets : new int[] {1, 4, 16}) {
        for (int i = 0; i < 5_000; i++) {
          byte[] id = Long.toString(2_489_651_045L + i * 7919L).getBytes(StandardCharsets.UTF_8);
          long position = IdHash.of(id, 0, id.length);
          int holders = 0;
          for (int f = 0; f < files; f++) {
            if (new FileTask("p", f, files, List.of()).holds(position)) {
              holders++;
              int bucket = IdHash.slice(position, buckets);
              assertTrue(files + "/" + buckets, FileTask.overlaps(f, files, bucket, buckets));
            }
          }
          assertEquals(1, holders);
        }
      }
    }
  }

  @Test
  public void idsSpreadEvenlyOverFiles() {
    int[] counts = new int[8];
    for (int i = 0; i < 80_000; i++) {
      byte[] id = Long.toString(40_000_000_000L + i).getBytes(StandardCharsets.UTF_8);
      counts[IdHash.slice(IdHash.of(id, 0, id.length), 8)]++;
    }
    for (int c : counts) {
      assertTrue("files within 5% of even: " + java.util.Arrays.toString(counts), Math.abs(c - 10_000) < 500);
    }
  }
}
