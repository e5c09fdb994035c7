package dev.ghlake.run;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The DirectRunner's worker threads. When a pipeline fails, the runner shuts its thread pool
 * down without waiting: bundles already handed to a worker go on running, and may finish a
 * Parquet file after the run has removed its uncommitted files. A failed run waits for its
 * workers to end before it tidies up, so nothing it wrote can appear after.
 */
final class DirectWorkers {
  /** The DirectRunner names its worker threads so (ExecutorServiceParallelExecutor). */
  private static final String NAME = "direct-runner-worker";

  private DirectWorkers() {}

  /** The worker threads alive now: those of other pipelines, which a run must not wait for. */
  static Set<Thread> alive() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith(NAME) && t.isAlive())
        .collect(Collectors.toSet());
  }

  /** Waits up to {@code limit} for the workers started since {@code before}; false if some still run. */
  static boolean awaitEnd(Set<Thread> before, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    for (Thread t : alive()) {
      if (before.contains(t)) {
        continue;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      t.join(Math.max(1, left / 1_000_000));
      if (t.isAlive()) {
        return false;
      }
    }
    return true;
  }
}
