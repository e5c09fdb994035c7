package dev.ghlake.sink;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import dev.ghlake.model.ProcessOwner;
import dev.ghlake.stage.StagingFolders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A killed process cannot remove its sort spill: the next builder on the machine removes the
 * folders whose owner is gone, and only those, and its own when it is done.
 */
public class SpillFoldersTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void aNewBuilderRemovesTheSpillOfAKilledProcessAndKeepsALiveOne() throws Exception {
    Path root = tmp.newFolder("ghlake-sort").toPath();
    ProcessOwner me = ProcessOwner.current();
    Path killed = root.resolve("run=20261202T000000Z-dead-1a2b3c4d");
    Files.createDirectories(killed);
    // this host and pid, but another start time: the process that wrote it is gone
    Files.writeString(killed.resolve("owner.json"), "{\"host\":\"" + me.host() + "\",\"pid\":" + me.pid()
        + ",\"started\":\"1999-01-01T00:00:00Z\"}");
    Files.write(killed.resolve("sort-1.rows"), new byte[4096]);
    Path live = root.resolve("run=20261202T000000Z-live-5e6f7a8b");
    Files.createDirectories(live);
    StagingFolders.create(live.toString());

    Path mine = SpillFolders.create(root, "20261202T010000Z-abcd");

    assertFalse("the killed process's spill is removed", Files.exists(killed));
    assertTrue("a live process's spill is kept", Files.isDirectory(live));
    assertTrue(Files.isDirectory(mine));
    assertEquals("the live one and the new one", 2, count(root));
    SpillFolders.delete(mine);
    assertFalse("a builder removes its own when done", Files.exists(mine));
    assertEquals(1, count(root));
  }

  private static long count(Path folder) throws Exception {
    try (Stream<Path> s = Files.list(folder)) {
      return s.count();
    }
  }
}
