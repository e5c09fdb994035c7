package dev.ghlake.storage;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The lease folder on a local lake is shared by every run of it: a listing must not trip over
 * another run's files coming and going (CI saw a run die on the NoSuchFileException of another
 * run's {@code .lease-*.tmp}, removed between the folder's read and the file's).
 */
public class LocalLeaseStoreTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  @Test(timeout = 120_000)
  public void aListingWhileAnotherRunTakesAndReleasesLeasesSeesOnlyWholeLeases() throws Exception {
    Path root = tmp.newFolder("_leases").toPath();
    LocalLeaseStore store = new LocalLeaseStore(root);
    store.put("dt=2024-07-01/hour=00", "{}");
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger turns = new AtomicInteger();
    AtomicReference<Exception> failed = new AtomicReference<>();
    Thread other = new Thread(() -> { // another run: leases taken and released, temporary files
      try {
        for (int i = 0; !stop.get(); i = turns.incrementAndGet()) {
          store.createIfAbsent("dt=2024-07-01/hour=" + (1 + i % 20), "{}");
          store.delete("dt=2024-07-01/hour=" + (1 + (i + 10) % 20));
          Files.deleteIfExists(Files.createTempFile(root.resolve("dt=2024-07-01"), ".lease-", ".tmp"));
        }
      } catch (java.io.IOException | RuntimeException e) {
        failed.set(e);
      }
    });
    other.start();
    try {
      for (int i = 0; i < 20_000; i++) {
        List<String> keys = store.list("dt=2024-07-01");
        assertEquals(keys.toString(), 1, keys.stream().filter(k -> k.endsWith("hour=00")).count());
        keys.forEach(k -> assertFalse(k, k.contains(".lease-")));
      }
    } finally {
      stop.set(true);
      other.join();
    }
    assertNull("the other run's own work failed", failed.get());
    assertTrue("the other run took and released leases during the listings: " + turns.get(), turns.get() > 100);
  }
}
