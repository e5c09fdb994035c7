package dev.ghlake.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What Lambda bills an invocation for, measured from inside it: the function's memory (from its
 * context) and ephemeral storage above the free 512 MB (the size of /tmp, which is that storage)
 * times the handler's duration, and whether it runs on arm64. The INIT phase of a cold start
 * (some 0.6 s here, target/lambda-cold-start.txt) is billed too since 2025-08-01 and is not in it.
 */
final class InvocationCost {
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

  /** The handler's duration since {@code t0}, as Lambda bills it: by the millisecond, rounded up. */
  static double billedSeconds(long t0) {
    return Math.ceil((System.nanoTime() - t0) / 1e6) / 1000;
  }
}
