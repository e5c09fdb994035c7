package dev.ghlake;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import dev.ghlake.summary.RunSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A fault is blamed on the folder where it happened (issue 24): a staging folder on a disk that
 * fills up is named as the staging folder, full, not as the lake. The disk is a real one: a
 * 64 KiB tmpfs, mounted for the test (it needs root, as on this project's machines and CI; where
 * mounting is refused the test says so and is skipped).
 */
public class FaultPlaceTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();
  private ThreeHourLake fixture;
  private Path small;
  private boolean mounted;

  @Before
  public void aSmallDisk() throws Exception {
    fixture = new ThreeHourLake(tmp);
    small = tmp.newFolder("small-disk").toPath();
    Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", small.toString())
        .redirectErrorStream(true).start();
    String said = new String(mount.getInputStream().readAllBytes());
    mounted = mount.waitFor() == 0;
    assumeTrue("cannot mount a small tmpfs here (" + said.strip() + "): a full disk is not tried", mounted);
  }

  @After
  public void unmount() throws Exception {
    if (mounted) {
      new ProcessBuilder("umount", "--lazy", small.toString()).inheritIO().start().waitFor();
    }
  }

  @Test
  public void aFullStagingDiskIsNamedAsTheStagingFolderAndFull() throws Exception {
    RunSummary s = fixture.run(fixture.archive.toString(), "--from=2024-07-01T00",
        "--stagingLocation=" + small);
    assertEquals(RunSummary.Status.failed, s.status());
    String failure = s.failures().get(0);
    assertTrue(failure, failure.contains("writing the staging folder " + small));
    assertTrue(failure, failure.contains("that disk is full"));
    assertFalse(failure, failure.contains("lake at"));
    assertFalse("the lake is untouched", Files.exists(fixture.lake.resolve("events/dt=2024-07-01/hour=00/_manifest.json")));
  }
}
