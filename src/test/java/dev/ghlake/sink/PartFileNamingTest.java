package dev.ghlake.sink;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class PartFileNamingTest {
  @Test
  public void stemsAreZeroPaddedAndNameTheirPartition() {
    String stem = PartFileNaming.stem("dt=2024-07-01/hour=08", 3, 12);
    assertEquals("dt=2024-07-01/hour=08/part-00003-of-00012", stem);
    assertEquals(String.format("x/part-%05d-of-%05d", 123456, 7), PartFileNaming.stem("x", 123456, 7));
    assertEquals("dt=2024-07-01/hour=08", PartFileNaming.partitionOf(stem));
    assertEquals("dt=2024-07-01/hour=08/part-00003-of-00012-r1.parquet",
        new PartFileNaming(stem, "r1").getFilename(null, null, 1, 0, null));
  }
}
