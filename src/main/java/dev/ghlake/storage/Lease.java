package dev.ghlake.storage;

import dev.ghlake.model.ProcessOwner;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The leases one run holds: renewed while it runs, released when it ends. */
public final class Lease implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Lease.class);

  private final LeaseStore store;
  private final String runId;
  private final String window;
  private final Duration ttl;
  private final List<String> held = new ArrayList<>();

  Lease(LeaseStore store, String runId, String window, Duration ttl) {
    this.store = store;
    this.runId = runId;
    this.window = window;
    this.ttl = ttl;
  }

  String runId() {
    return runId;
  }

  /** Records a lease object this run now holds. */
  void hold(String objectKey) {
    held.add(objectKey);
  }

  String json(long generation, boolean released) {
    Instant now = Instant.now();
    return new LeaseRecord(runId, window, generation, now.toString(), now.plus(ttl).toString(), released,
        ProcessOwner.current()).toJson();
  }

  /** Pushes the expiry a time to live ahead. */
  public void renew() throws IOException {
    for (String key : held) {
      store.put(key, json(generationOf(key), false));
    }
  }

  /** How long a lease lives without renewal. */
  public Duration ttl() {
    return ttl;
  }

  /**
   * Releases every lease held; the next run may take them at once. Never throws: a lease that
   * cannot be released (the store is down) lapses by itself, or at once for a run of this host.
   */
  public void release() {
    Leases.ACTIVE.remove(runId);
    for (String key : held) {
      try {
        store.put(key, json(generationOf(key), true));
        store.put(key.replace(".json", ".released"), "");
      } catch (IOException | RuntimeException e) {
        LOG.warn("Could not release the lease {} ({}): it lapses by itself", key, e.toString());
      }
    }
    held.clear();
  }

  @Override
  public void close() {
    release();
  }

  private static long generationOf(String key) {
    String name = key.substring(key.lastIndexOf('/') + 1);
    return Long.parseLong(name.substring(0, 10));
  }
}
