package dev.ghlake.source.http;

import java.io.Serializable;
import java.time.Duration;

/** The download settings, taken from the options at construction (options are not serialisable). */
public record HttpSettings(Duration timeout, int attempts, int concurrency, Duration firstBackoff)
    implements Serializable {

  public static HttpSettings of(HttpOptions options) {
    if (options.getHttpTimeoutSeconds() < 1 || options.getHttpTimeoutSeconds() > 3600
        || options.getHttpAttempts() < 1 || options.getHttpAttempts() > 20
        || options.getHttpConcurrency() < 1 || options.getHttpConcurrency() > 256) {
      throw new IllegalArgumentException("--httpTimeoutSeconds (1 to 3600), --httpAttempts (1 to 20) "
          + "and --httpConcurrency (1 to 256) are out of range: " + options.getHttpTimeoutSeconds() + ", "
          + options.getHttpAttempts() + ", " + options.getHttpConcurrency());
    }
    return new HttpSettings(Duration.ofSeconds(options.getHttpTimeoutSeconds()),
        options.getHttpAttempts(), options.getHttpConcurrency(), Duration.ofMillis(500));
  }

  /** The wait before attempt {@code n} (1-based): doubling, at most 30 s. */
  Duration backoff(int attempt) {
    long millis = firstBackoff.toMillis() << Math.min(attempt - 1, 10);
    return Duration.ofMillis(Math.min(millis, 30_000));
  }
}
