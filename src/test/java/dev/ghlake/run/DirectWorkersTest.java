package dev.ghlake.run;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.Test;

/**
 * A failed run waits for its own DirectRunner workers (a bundle already running can still finish
 * a file), not for those of pipelines that were running before it, and gives up at its limit.
 */
public class DirectWorkersTest {

  @Test
  public void waitsForItsOwnWorkersOnly() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Thread other = worker(() -> await(release)); // another pipeline's, alive before the run
    Set<Thread> before = DirectWorkers.alive();
    assertTrue(before.contains(other));
    Thread own = worker(() -> sleep(300)); // still writing its file when the run failed

    assertTrue(DirectWorkers.awaitEnd(before, Duration.ofSeconds(30)));
    assertFalse("the run's own worker has ended", own.isAlive());
    assertTrue("another pipeline's worker is not waited for", other.isAlive());
    release.countDown();
    other.join();
  }

  @Test
  public void aWorkerThatOutlivesTheLimitIsReported() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    Set<Thread> before = DirectWorkers.alive();
    Thread own = worker(() -> await(release));
    assertFalse(DirectWorkers.awaitEnd(before, Duration.ofMillis(200)));
    release.countDown();
    own.join();
  }

  private static Thread worker(Runnable work) {
    Thread t = new Thread(work, "direct-runner-worker");
    t.start();
    return t;
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
