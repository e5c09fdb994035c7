package dev.ghlake.sink.sort;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import dev.ghlake.model.ProcessOwner;
import dev.ghlake.stage.StagingFolders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

  /**
   * Builders start together (a core each): all of them tidy the same root at once. Issue 24: once
   * in 12 runs after a kill, a run failed on NoSuchFileException .../owner.json, two builders
   * deleting one folder. Only one may take a folder; the others leave it to it.
   */
  @Test
  public void buildersTidyingAtOnceNeverTripOverEachOther() throws Exception {
    ProcessOwner me = ProcessOwner.current();
    for (int round = 0; round < 20; round++) {
      Path root = tmp.newFolder("sort-" + round).toPath();
      for (int r = 0; r < 4; r++) {
        Path killed = root.resolve("run=20261202T000000Z-dead-" + r);
        Files.createDirectories(killed.resolve("a/b"));
        Files.writeString(killed.resolve("owner.json"), "{\"host\":\"" + me.host() + "\",\"pid\":"
            + me.pid() + ",\"started\":\"1999-01-01T00:00:00Z\"}");
        for (int f = 0; f < 200; f++) {
          Files.write(killed.resolve((f % 2 == 0 ? "a/b/" : "") + "sort-" + f + ".rows"), new byte[16]);
        }
      }
      ExecutorService pool = Executors.newFixedThreadPool(8);
      CyclicBarrier start = new CyclicBarrier(8);
      List<Future<?>> tidiers = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        tidiers.add(pool.submit(() -> {
          start.await();
          return StagingFolders.cleanAbandoned(root.toString());
        }));
      }
      for (Future<?> f : tidiers) {
        f.get(); // an exception in any tidier fails the test
      }
      pool.shutdown();
      assertEquals("round " + round + ": every abandoned folder is gone", 0, count(root));
    }
  }

  /**
   * Issue 24: a tidier killed while it deleted a folder it had taken left {@code tidying=…} for
   * good. The next tidier removes it once that tidier is gone (or never wrote its record), and
   * leaves one a live tidier is deleting.
   */
  @Test
  public void aFolderAKilledTidierWasDeletingIsRemovedByTheNext() throws Exception {
    Path root = tmp.newFolder("sort").toPath();
    ProcessOwner me = ProcessOwner.current();
    Path killed = root.resolve("tidying=0a1b2c3d");
    Files.createDirectories(killed.resolve("a"));
    Files.write(killed.resolve("a/sort-1.rows"), new byte[64]);
    Files.writeString(killed.resolve("tidier.json"), "{\"host\":\"" + me.host() + "\",\"pid\":" + me.pid()
        + ",\"started\":\"1999-01-01T00:00:00Z\"}");
    Path recordless = root.resolve("tidying=4e5f6a7b"); // killed between taking it and writing its record
    Files.createDirectories(recordless);
    Files.write(recordless.resolve("sort-2.rows"), new byte[64]);
    Files.setLastModifiedTime(recordless, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
    Path busy = root.resolve("tidying=8c9d0e1f"); // a live tidier (this process) deleting it now
    Files.createDirectories(busy);
    Files.writeString(busy.resolve("tidier.json"), "{\"host\":\"" + me.host() + "\",\"pid\":" + me.pid()
        + ",\"started\":\"" + me.started() + "\"}");

    StagingFolders.cleanAbandoned(root.toString());

    assertFalse(Files.exists(killed));
    assertFalse(Files.exists(recordless));
    assertTrue(Files.isDirectory(busy));
    assertEquals(1, count(root));
  }

  private static long count(Path folder) throws Exception {
    try (Stream<Path> s = Files.list(folder)) {
      return s.count();
    }
  }
}
