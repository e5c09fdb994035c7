package dev.ghlake.run;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A run's start-up: from the JVM's start to the run's first source opened (issue 28: what an
 * hourly load, a test and every Lambda cold start pay before the first event). A JVM's later runs
 * (a warm Lambda, a backfill's next unit) count from their own start: the JVM was already up.
 */
final class StartupClock {
  private static final AtomicBoolean FIRST_RUN = new AtomicBoolean(true);

  private StartupClock() {}

  /** Where this run's start-up counts from (epoch milliseconds); taken once, when the run starts. */
  static long origin() {
    return FIRST_RUN.getAndSet(false) ? ManagementFactory.getRuntimeMXBean().getStartTime() : System.currentTimeMillis();
  }

  /** Seconds from the origin to the first read; null when the run read nothing. */
  static Double seconds(Long firstReadMillis, long origin) {
    return firstReadMillis == null ? null : Math.max(0, firstReadMillis - origin) / 1000.0;
  }
}
