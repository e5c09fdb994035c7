package dev.ghlake.run;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Ends a run that has run out of heap within seconds, instead of minutes of garbage collection
 * before an {@link OutOfMemoryError}: it watches the heap left after each collection and the
 * share of time spent collecting, and when the heap stays full calls {@code onShortage} (the
 * run cancels its pipeline and reports why, naming the setting to change).
 */
public final class HeapWatchdog implements AutoCloseable {
  private static final long CHECK_MILLIS = 250;
  /** After a collection, more of the heap than this still in use. */
  private static final double FULL_AFTER_GC = 0.92;
  /** Of the last few seconds, more than this share spent collecting. */
  private static final double GC_SHARE = 0.5;
  private static final int WINDOW_CHECKS = 12;

  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "ghlake-heap-watchdog");
    t.setDaemon(true);
    return t;
  });
  private final AtomicReference<String> shortage = new AtomicReference<>();
  /** The old generation: the heap pool that can grow largest (young pools are full by design). */
  private final MemoryPoolMXBean oldGeneration = ManagementFactory.getMemoryPoolMXBeans().stream()
      .filter(p -> p.getType() == MemoryType.HEAP && p.isCollectionUsageThresholdSupported())
      .max(java.util.Comparator.comparingLong(p -> p.getUsage().getMax())).orElse(null);
  private final long[] gcMillis = new long[WINDOW_CHECKS];
  private final long[] atNanos = new long[WINDOW_CHECKS];
  private int tick;
  private int fullChecks;

  private HeapWatchdog() {}

  /** Starts watching; {@code onShortage} runs once, with the reason, when the heap runs out. */
  public static HeapWatchdog start(Runnable onShortage) {
    HeapWatchdog w = new HeapWatchdog();
    w.timer.scheduleAtFixedRate(() -> {
      if (w.shortage.get() == null && w.check()) {
        onShortage.run();
      }
    }, CHECK_MILLIS, CHECK_MILLIS, TimeUnit.MILLISECONDS);
    return w;
  }

  /** Why the run was stopped, or null. */
  public String shortage() {
    return shortage.get();
  }

  private boolean check() {
    long gc = ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum();
    int slot = tick % WINDOW_CHECKS;
    int oldest = (tick + 1) % WINDOW_CHECKS;
    gcMillis[slot] = gc;
    atNanos[slot] = System.nanoTime();
    tick++;
    boolean thrashing = tick > WINDOW_CHECKS
        && (gcMillis[slot] - gcMillis[oldest]) * 1e6 > GC_SHARE * (atNanos[slot] - atNanos[oldest]);
    // some collectors report the heap after collection late; while thrashing, the heap now will do
    double afterGc = Math.max(fullestAfterCollection(), thrashing ? heapInUse() : 0);
    fullChecks = afterGc > FULL_AFTER_GC ? fullChecks + 1 : 0;
    if ((fullChecks >= 8 && thrashing) || fullChecks >= 40) {
      shortage.set(String.format("the run ran short of memory: %.0f%% of the JVM's heap (max %,d MiB) "
          + "was still in use after garbage collection%s. Give the JVM more heap (JAVA_OPTS=-Xmx…, or "
          + "more Lambda memory), or lower --targetRowsPerFile or --rowGroupMB",
          afterGc * 100, Runtime.getRuntime().maxMemory() >> 20,
          thrashing ? ", and collecting took most of its time" : ""));
      return true;
    }
    return false;
  }

  private static double heapInUse() {
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    return heap.getMax() > 0 ? heap.getUsed() / (double) heap.getMax() : 0;
  }

  private double fullestAfterCollection() {
    MemoryUsage u = oldGeneration == null ? null : oldGeneration.getCollectionUsage();
    return u == null || u.getMax() <= 0 ? 0 : u.getUsed() / (double) u.getMax();
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
