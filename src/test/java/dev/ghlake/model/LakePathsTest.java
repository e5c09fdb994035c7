package dev.ghlake.model;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import org.junit.Test;

/** One lake, however its root is written: every place in it is the same path. */
public class LakePathsTest {
  @Test
  public void aRootWithOrWithoutTrailingSlashesIsTheSameLake() {
    for (String root : new String[] {"s3://b/lake", "s3://b/lake/", "s3://b/lake//"}) {
      LakePaths lake = LakePaths.of(root);
      assertEquals("s3://b/lake", lake.root());
      assertEquals("s3://b/lake/events/dt=2024-07-01/hour=08", lake.partition("dt=2024-07-01/hour=08"));
      assertEquals("s3://b/lake/_runs/r1", lake.run("r1"));
      assertEquals("s3://b/lake/_pending/r1", lake.pending("r1"));
      assertEquals("s3://b/lake/_rejected/run=r1", lake.rejected("r1"));
      assertEquals("s3://b/lake/_lake.json", lake.layoutRecord());
      assertEquals("s3://b/lake/_report/health.html", lake.healthReport());
      assertEquals("s3://b/lake/interactions", lake.interactions());
    }
  }

  @Test
  public void aBucketOrTheFileSystemRootKeepsItsOwnSlash() {
    assertEquals("s3://b/events", LakePaths.of("s3://b/").events());
    assertEquals("s3://b/events", LakePaths.of("s3://b").events());
    assertEquals("/events", LakePaths.of("/").events());
    assertEquals("/tmp/lake/", LakePaths.of("/tmp/lake///").folder());
  }

  @Test
  public void aLakeNeedsARoot() {
    assertThrows(IllegalArgumentException.class, () -> LakePaths.of(" "));
    assertThrows(IllegalArgumentException.class, () -> LakePaths.of(null));
  }
}
