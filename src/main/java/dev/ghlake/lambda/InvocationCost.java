package dev.ghlake.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What Lambda bills an invocation for, measured from inside it: the function's memory (from its
 * context) and ephemeral storage above the free 512 MB (the size of /tmp, which is that storage)
 * times the handler's duration, and whether it runs on arm64; on a cold start also its INIT
 * phase, which Lambda bills for ZIP functions on managed runtimes too since 2025-08-01 (AWS
 * Compute Blog, "AWS Lambda standardizes billing for INIT Phase"; some 0.6 s here,
 * target/lambda-cold-start.txt).
 */
final class InvocationCost {
  /** Whether this JVM billed its INIT phase already: only an environment's first invocation follows one. */
  private static final AtomicBoolean INIT_BILLED = new AtomicBoolean();

  /** Ephemeral storage Lambda does not bill (aws.amazon.com/lambda/pricing). */
  static final long FREE_EPHEMERAL_MB = 512;

  private InvocationCost() {}

  static double gbSeconds(Context context, double seconds) {
    return context.getMemoryLimitInMB() / 1024.0 * seconds;
  }

  static double ephemeralGbSeconds(double seconds) {
    try {
      long mb = Files.getFileStore(Path.of("/tmp")).getTotalSpace() >> 20;
      return Math.max(0, mb - FREE_EPHEMERAL_MB) / 1024.0 * seconds;
    } catch (IOException e) { // no /tmp to measure: nothing billed for it here
      return 0;
    }
  }

  static boolean arm64() {
    return "aarch64".equals(System.getProperty("os.arch"));
  }

  /**
   * The INIT phase before this invocation, from the JVM's start to the invocation's, as Lambda
   * bills it (by the millisecond, rounded up); 0 for every invocation after the environment's first.
   */
  static double initSeconds(long invocationStartMillis) {
    return initSeconds(INIT_BILLED, ManagementFactory.getRuntimeMXBean().getStartTime(), invocationStartMillis);
  }

  static double initSeconds(AtomicBoolean billed, long jvmStartMillis, long invocationStartMillis) {
    return billed.getAndSet(true) ? 0 : Math.max(0, invocationStartMillis - jvmStartMillis) / 1000.0;
  }

  /** The handler's duration since {@code t0}, as Lambda bills it: by the millisecond, rounded up. */
  static double billedSeconds(long t0) {
    return Math.ceil((System.nanoTime() - t0) / 1e6) / 1000;
  }
}
