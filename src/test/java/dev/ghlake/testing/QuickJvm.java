package dev.ghlake.testing;

import java.util.List;
import java.util.stream.Stream;

/**
 * The flags of the short-lived JVMs tests start that are not runs under test themselves: S3Proxy,
 * the option readers of BundledJarIT, the racing runs of ConcurrentRunsTest, S3CostTest's runs.
 * C1 alone and the serial collector: seconds of mostly cold code never repay C2 or a parallel
 * collector (S3Proxy serving 2,000 boto3 requests: 3.0-3.4 CPU s against 6.4-7.3 with the JVM's
 * defaults, its start 1.9-2.0 against 3.0-3.2; an option reader 1.8 CPU s against 3.0).
 */
public final class QuickJvm {
  public static final List<String> FLAGS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  /** These flags and a heap of {@code size} ("512m"): for short ghlake runs in a JVM of their own. */
  public static List<String> withHeap(String size) {
    return Stream.concat(Stream.of("-Xmx" + size), FLAGS.stream()).toList();
  }

  private QuickJvm() {}
}
