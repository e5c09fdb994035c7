package dev.ghlake.run;

import dev.ghlake.summary.RunCounts;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Set;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;

/**
 * Runs a built pipeline to its end, printing progress, under a heap watchdog: how it ended (an
 * error to report, or none) and the live counters it reached, whatever happened.
 */
final class PipelineRun {
  /** How long a failed run waits for its DirectRunner workers before it leaves them to the next run. */
  static final Duration WORKERS_END = Duration.ofMinutes(2);

  private final String error;
  private final RunCounts counts;
  private boolean workersRunning;

  private PipelineRun(String error, RunCounts counts) {
    this.error = error;
    this.counts = counts;
  }

  /** {@code places}: where the run writes, named in a failure. */
  static PipelineRun start(Pipeline pipeline, FaultPlace places, int progressSeconds, PrintStream err) {
    long start = System.nanoTime();
    PipelineResult[] result = new PipelineResult[1];
    boolean direct = pipeline.getOptions().getRunner() == DirectRunner.class;
    Set<Thread> otherWorkers = direct ? DirectWorkers.alive() : Set.of();
    PipelineRun run = run(pipeline, places, progressSeconds, err, start, result);
    if (run.error != null && direct) {
      run.workersRunning = !awaitWorkers(otherWorkers);
    }
    return run;
  }

  private static PipelineRun run(Pipeline pipeline, FaultPlace places, int progressSeconds, PrintStream err,
      long start, PipelineResult[] result) {
    if (reserve == null) { // a batch's earlier run used it
      reserve = new byte[RESERVE];
    }
    try (HeapWatchdog watchdog = HeapWatchdog.start(() -> cancel(result[0]))) {
      try {
        if (pipeline.getOptions().getRunner() == DirectRunner.class) {
          DirectOptions direct = pipeline.getOptions().as(DirectOptions.class);
          // return at once, so progress (and the counts of a run that fails) can be read
          direct.setBlockOnRun(false);
        }
        result[0] = pipeline.run();
        PipelineResult.State state = new ProgressReporter(err, progressSeconds).waitFor(result[0], start);
        String error = watchdog.shortage() != null ? watchdog.shortage()
            : state == PipelineResult.State.DONE ? null : "the pipeline ended " + state;
        return new PipelineRun(error, counts(result[0]));
      } catch (OutOfMemoryError e) {
        return outOfMemoryRun(watchdog, e, result[0]);
      } catch (RuntimeException e) {
        OutOfMemoryError oom = outOfMemoryIn(e);
        if (oom != null) {
          return outOfMemoryRun(watchdog, oom, result[0]);
        }
        String why = watchdog.shortage() != null ? watchdog.shortage() : places.describe(e);
        return new PipelineRun(why, counts(result[0]));
      }
    }
  }

  /** After a failure: false if workers of this run still write after {@link #WORKERS_END}. */
  private static boolean awaitWorkers(Set<Thread> otherWorkers) {
    try {
      return DirectWorkers.awaitEnd(otherWorkers, WORKERS_END);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * A run that ran out of memory. Its workers still hold the heap, so the reserve is let go and
   * the run stopped before its report is made; the report must not fail the same way.
   */
  private static PipelineRun outOfMemoryRun(HeapWatchdog watchdog, OutOfMemoryError e, PipelineResult result) {
    reserve = null;
    cancel(result);
    String why;
    try {
      why = watchdog.shortage() != null ? watchdog.shortage() : outOfMemory(e);
    } catch (OutOfMemoryError again) {
      why = OUT_OF_MEMORY;
    }
    return new PipelineRun(why, counts(result));
  }

  private static String outOfMemory(OutOfMemoryError e) {
    return String.format("the run ran out of memory (%s, with a heap of at most %,d MiB): give "
        + "the JVM more heap (JAVA_OPTS=-Xmx…, or more Lambda memory), or lower "
        + "--targetRowsPerFile or --rowGroupMB", e.getMessage(), Runtime.getRuntime().maxMemory() >> 20);
  }

  /** The same, made before any run: reporting a heap that is full must not need the heap. */
  static final String OUT_OF_MEMORY = outOfMemory(new OutOfMemoryError("Java heap space"));

  /**
   * Heap held back for the report of a run that ran out of it: let go before anything else is
   * done, so that cancelling the run and reading its counters do not fail the same way.
   */
  private static final int RESERVE = 4 << 20;
  private static byte[] reserve = new byte[RESERVE];

  /** The out-of-memory error a failure comes from, if any. */
  static OutOfMemoryError outOfMemoryIn(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof OutOfMemoryError oom) {
        return oom;
      }
      // a class whose initialiser ran out of heap: Java 17 keeps only the words of the error
      // ("Could not initialize class …" caused by "Exception java.lang.OutOfMemoryError: …")
      if (t instanceof ExceptionInInitializerError && t.getMessage() != null
          && t.getMessage().startsWith("Exception java.lang.OutOfMemoryError")) {
        return new OutOfMemoryError(t.getMessage());
      }
    }
    return null;
  }

  private static void cancel(PipelineResult result) {
    if (result != null) {
      try {
        result.cancel();
      } catch (IOException | RuntimeException e) {
        // the run is failing for lack of memory anyway; its report says so
      }
    }
  }

  private static RunCounts counts(PipelineResult result) {
    try {
      return result == null ? null : RunCounts.live(result.metrics());
    } catch (RuntimeException | OutOfMemoryError e) { // the report goes out without them
      return null;
    }
  }

  /** Null when the pipeline finished. */
  String error() {
    return error;
  }

  RunCounts counts() {
    return counts;
  }

  /** True when the run failed and some of its workers were still running when it gave up waiting. */
  boolean workersRunning() {
    return workersRunning;
  }
}
