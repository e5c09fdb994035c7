package dev.ghlake.run;

import dev.ghlake.storage.Lease;
import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Renews a run's lease every third of its time to live, for as long as the run goes on. */
public final class LeaseKeeper implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);

  private final ScheduledExecutorService timer;

  private LeaseKeeper(ScheduledExecutorService timer) {
    this.timer = timer;
  }

  /** Starts renewing; a null lease (a lake without leases) is a keeper that does nothing. */
  public static LeaseKeeper start(Lease lease) {
    if (lease == null) {
      return new LeaseKeeper(null);
    }
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "ghlake-lease-renewal");
      t.setDaemon(true);
      return t;
    });
    long every = Math.max(1, lease.ttl().toSeconds() / 3);
    timer.scheduleAtFixedRate(() -> {
      try {
        lease.renew();
      } catch (IOException | RuntimeException e) {
        LOG.warn("Could not renew the run's lease (it lapses if this goes on): {}", e.toString());
      }
    }, every, every, TimeUnit.SECONDS);
    return new LeaseKeeper(timer);
  }

  @Override
  public void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
