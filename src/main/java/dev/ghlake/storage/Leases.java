package dev.ghlake.storage;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Leases on a lake's partitions, so two runs never commit the same partitions at once. A run
 * holds one lease per day its windows touch ({@code dt=2024-07-01}), or the whole lake
 * ({@code lake}) when it has no window; a day lease and the lake lease exclude each other.
 *
 * <p>A lease is a numbered object under {@code _leases/<key>/}; the highest number is the
 * current holder. Taking a free, released, expired or dead lease means creating the next number
 * with a create-if-absent, so of two runs racing for it exactly one wins, and nothing is ever
 * overwritten but by its holder (to renew or release it). A holder on this host whose process is
 * gone is dead at once; elsewhere a lease lapses when not renewed for its time to live.
 */
public final class Leases {
  static final String FOLDER = "_leases";
  /** The key of a run without a window: it may touch any partition. */
  public static final String LAKE = "lake";
  /** The key of an interactions run: the table's days are replaced by one run at a time. */
  public static final String INTERACTIONS = "interactions";
  /** Runs of this process that hold leases now: a lease of this process for another run is stale. */
  static final Set<String> ACTIVE = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private final LeaseStore store;

  Leases(LeaseStore store) {
    this.store = store;
  }

  /** The leases of a lake: on S3 or a local folder; null where no exclusive create exists. */
  public static Leases of(StorageOptions options, String output) {
    if (output.startsWith("s3://")) {
      String rest = output.substring(5);
      int slash = rest.indexOf('/');
      return new Leases(new S3LeaseStore(options, slash < 0 ? rest : rest.substring(0, slash),
          slash < 0 ? "" : rest.substring(slash + 1)));
    }
    if (!output.contains("://") || output.startsWith("file://")) {
      return new Leases(new LocalLeaseStore(Path.of(output.replaceFirst("^file://", ""))));
    }
    return null;
  }

  /**
   * Takes the leases of {@code keys} for a run, waiting up to {@code wait} for a run that holds
   * one to finish. Throws {@link LeaseRefusedException}, naming the holder, when it does not.
   */
  public Lease acquire(String runId, String window, List<String> keys, Duration wait, Duration ttl)
      throws IOException {
    Instant deadline = Instant.now().plus(wait);
    List<String> sorted = new ArrayList<>(new TreeSet<>(keys)); // one order: no two runs wait on each other
    while (true) {
      Lease lease = new Lease(store, runId, window, ttl);
      ACTIVE.add(runId);
      String blocker = tryAll(lease, sorted);
      if (blocker == null) {
        return lease;
      }
      lease.release();
      if (Instant.now().isAfter(deadline)) {
        throw new LeaseRefusedException(blocker);
      }
      sleep(Duration.ofMillis(500 + ThreadLocalRandom.current().nextInt(1000)));
    }
  }

  /**
   * Null when every key is taken (and no conflicting key is live), else who holds what. The first
   * key is taken alone: of two runs racing for the same keys it decides, even on a store whose
   * create is not atomic, and the loser creates nothing more. The others are created together and
   * read back after one settling pause, each no sooner than that after its own create: a month's
   * backfill job on S3 waits twice 0.75 s, not 31 times ({@link S3LeaseStore#SETTLE}).
   */
  private String tryAll(Lease lease, List<String> keys) throws IOException {
    String blocker = keys.isEmpty() ? null : take(lease, keys.get(0));
    List<Claim> claims = new ArrayList<>();
    for (int i = 1; i < keys.size() && blocker == null; i++) {
      Claim claim = claim(lease, keys.get(i));
      if (claim.holder() != null) {
        blocker = claim.holder();
      } else {
        claims.add(claim);
      }
    }
    if (!claims.isEmpty()) {
      LeaseStore.pause(store.settle()); // even when blocked: what was won is held, then released
    }
    for (Claim claim : claims) {
      if (!confirm(lease, claim) && blocker == null) { // another run's create of that number won
        blocker = take(lease, claim.key());
      }
    }
    if (blocker != null) {
      return blocker;
    }
    for (String key : conflicting(keys)) {
      LeaseRecord top = current(key);
      if (top != null && isLive(top) && !top.runId().equals(lease.runId())) {
        return top.describe(key);
      }
    }
    return null;
  }

  /** Takes one key: null when taken, else a description of its live holder. */
  private String take(Lease lease, String key) throws IOException {
    while (true) {
      Claim claim = claim(lease, key);
      if (claim.holder() != null) {
        return claim.holder();
      }
      LeaseStore.pause(store.settle());
      if (confirm(lease, claim)) {
        return null;
      }
    }
  }

  /**
   * The object this run created as the key's next lease, or (in {@code holder}) the key's live
   * holder. Not yet the run's: {@link #confirm} tells, after the store's settling pause.
   */
  private record Claim(String key, String object, String text, Set<Long> replaced, String holder) {
    static Claim heldBy(String holder) {
      return new Claim(null, null, null, Set.of(), holder);
    }
  }

  private Claim claim(Lease lease, String key) throws IOException {
    while (true) {
      TreeMap<Long, String> generations = generations(key);
      long last = generations.isEmpty() ? 0 : generations.lastKey();
      LeaseRecord top = last == 0 || generations.get(last) == null ? null
          : read(generations.get(last));
      if (top != null && isLive(top)) {
        return Claim.heldBy(top.describe(key));
      }
      String mine = objectKey(key, last + 1);
      String text = lease.json(last + 1, false);
      if (store.create(mine, text)) {
        return new Claim(key, mine, text, Set.copyOf(generations.headMap(last).keySet()), null);
      }
      // another run created that number first: look again
    }
  }

  /** Holds a claimed object that is still this run's once settled; false when another run's won. */
  private boolean confirm(Lease lease, Claim claim) throws IOException {
    if (!store.holds(claim.object(), claim.text())) {
      return false;
    }
    lease.hold(claim.object());
    for (Long older : claim.replaced()) { // all dead: below the one replaced
      store.delete(objectKey(claim.key(), older));
      store.delete(releasedKey(claim.key(), older));
    }
    return true;
  }

  /** The run ids that hold a live lease on the lake. */
  public Set<String> liveRuns() throws IOException {
    Set<String> runs = new HashSet<>();
    for (String key : unreleasedKeys()) {
      LeaseRecord top = current(key);
      if (top != null && isLive(top)) {
        runs.add(top.runId());
      }
    }
    return runs;
  }

  /** Day keys conflict with the lake key, the lake key with every day key. */
  private List<String> conflicting(List<String> keys) throws IOException {
    if (!keys.contains(LAKE)) {
      return List.of(LAKE);
    }
    return unreleasedKeys().stream().filter(k -> !k.equals(LAKE)).toList();
  }

  /**
   * Keys whose newest lease is not released, from one listing: a lake keeps a key for every day
   * it ever loaded, and only these few need reading.
   */
  private Set<String> unreleasedKeys() throws IOException {
    TreeMap<String, List<String>> byKey = new TreeMap<>();
    for (String k : store.list(FOLDER + "/")) {
      String[] parts = k.split("/");
      if (parts.length == 3) {
        byKey.computeIfAbsent(parts[1], x -> new ArrayList<>()).add(k);
      }
    }
    Set<String> keys = new TreeSet<>();
    byKey.forEach((key, objects) -> {
      TreeMap<Long, String> g = generations(objects);
      if (!g.isEmpty() && g.lastEntry().getValue() != null) {
        keys.add(key);
      }
    });
    return keys;
  }

  private LeaseRecord current(String key) throws IOException {
    TreeMap<Long, String> generations = generations(key);
    if (generations.isEmpty() || generations.lastEntry().getValue() == null) {
      return null;
    }
    return read(generations.lastEntry().getValue());
  }

  /** The lease an object holds; null when it is gone (released and removed meanwhile). */
  private LeaseRecord read(String objectKey) throws IOException {
    String text = store.get(objectKey);
    return text == null ? null : LeaseRecord.parse(text);
  }

  private static boolean isLive(LeaseRecord lease) {
    return lease.isLive(ACTIVE.contains(lease.runId()));
  }

  /** The key's lease objects by number; a released one maps to null (its marker says so). */
  private TreeMap<Long, String> generations(String key) throws IOException {
    return generations(store.list(FOLDER + "/" + key + "/"));
  }

  private static TreeMap<Long, String> generations(List<String> objects) {
    TreeMap<Long, String> out = new TreeMap<>();
    Set<Long> released = new HashSet<>();
    for (String k : objects) {
      String name = k.substring(k.lastIndexOf('/') + 1);
      if (name.matches("\\d{10}\\.json")) {
        out.putIfAbsent(Long.parseLong(name.substring(0, 10)), k);
      } else if (name.matches("\\d{10}\\.released")) {
        released.add(Long.parseLong(name.substring(0, 10)));
      }
    }
    released.forEach(g -> out.put(g, null));
    return out;
  }

  static String objectKey(String key, long generation) {
    return String.format("%s/%s/%010d.json", FOLDER, key, generation);
  }

  /** The marker that says a lease was released, so a listing alone tells it. */
  static String releasedKey(String key, long generation) {
    return String.format("%s/%s/%010d.released", FOLDER, key, generation);
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a lease", e);
    }
  }
}
