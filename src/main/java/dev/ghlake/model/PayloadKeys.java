package dev.ghlake.model;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The payload keys seen in this JVM, each with a small number, so a row can carry which keys its
 * payload had as two longs instead of a set of strings (the profile of a partition counts them;
 * see {@code profile.PartitionProfile}). Numbers are this JVM's own: they are turned back into
 * names before anything leaves the worker. Past {@link #MAX} names, further keys are not tracked.
 */
public final class PayloadKeys {
  public static final int MAX = 128;
  /** The payload's own keys. */
  public static final PayloadKeys TOP = new PayloadKeys();
  /** The keys of {@code payload.pull_request}: GitHub cut it to a stub on 2025-10-07. */
  public static final PayloadKeys PULL_REQUEST = new PayloadKeys();

  private final ConcurrentHashMap<String, Integer> ids = new ConcurrentHashMap<>();
  private final AtomicReferenceArray<String> names = new AtomicReferenceArray<>(MAX);

  private PayloadKeys() {}

  /** Marks {@code name} in {@code bits} (two longs). */
  public void mark(String name, long[] bits) {
    Integer id = ids.get(name);
    if (id == null) {
      id = register(name);
    }
    if (id >= 0) {
      bits[id >>> 6] |= 1L << (id & 63);
    }
  }

  private synchronized int register(String name) {
    Integer known = ids.get(name);
    if (known != null) {
      return known;
    }
    if (ids.size() >= MAX) {
      return -1;
    }
    int id = ids.size();
    names.set(id, name);
    ids.put(name, id);
    return id;
  }

  /** The names marked in {@code bits}, passed to {@code each}. */
  public void forEach(long bit0, long bit1, java.util.function.Consumer<String> each) {
    for (int id = 0; id < MAX; id++) {
      long word = id < 64 ? bit0 : bit1;
      if ((word & (1L << (id & 63))) != 0) {
        each.accept(names.get(id));
      }
    }
  }
}
