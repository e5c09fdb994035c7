package dev.ghlake.source.http;

import java.io.Serializable;
import java.time.Duration;
import org.apache.beam.sdk.util.BackOff;
import org.apache.beam.sdk.util.FluentBackoff;

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

  /**
   * The waits between one download's attempts: doubling from {@link #firstBackoff}, at most 30 s,
   * each jittered (Beam's {@link FluentBackoff}) so that many downloads failing at once, as in an
   * outage of the archive, do not retry in step.
   */
  BackOff backoff() {
    return FluentBackoff.DEFAULT.withExponent(2)
        .withInitialBackoff(org.joda.time.Duration.millis(firstBackoff.toMillis()))
        .withMaxBackoff(org.joda.time.Duration.standardSeconds(30))
        .withMaxRetries(attempts - 1).backoff();
  }
}
