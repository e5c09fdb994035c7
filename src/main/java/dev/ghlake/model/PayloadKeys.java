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

  /**
   * The payload's objects whose keys are profiled one level down, each in two longs of
   * {@code EventRow.nestedKeys} from {@link #at()}: GitHub cut {@code pull_request} to a stub on
   * 2025-10-07 and dropped {@code author_association} from issues and comments (docs/lake.md,
   * "Profiles and drift").
   */
  public enum Nested {
    PULL_REQUEST("pull_request"),
    ISSUE("issue"),
    COMMENT("comment");

    /** The longs all nested objects' keys take in a row. */
    public static final int WORDS = 6;
    public final String field;
    public final PayloadKeys keys = new PayloadKeys();

    Nested(String field) {
      this.field = field;
    }

    /** Where this object's two longs start. */
    public int at() {
      return 2 * ordinal();
    }
  }

  private final ConcurrentHashMap<String, Integer> ids = new ConcurrentHashMap<>();
  private final AtomicReferenceArray<String> names = new AtomicReferenceArray<>(MAX);

  private PayloadKeys() {}

  /** Marks {@code name} in {@code bits} (two longs). */
  public void mark(String name, long[] bits) {
    mark(name, bits, 0);
  }

  /** Marks {@code name} in the two longs of {@code bits} from {@code at}. */
  public void mark(String name, long[] bits, int at) {
    Integer id = ids.get(name);
    if (id == null) {
      id = register(name);
    }
    if (id >= 0) {
      bits[at + (id >>> 6)] |= 1L << (id & 63);
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
