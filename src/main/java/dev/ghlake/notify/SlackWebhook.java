package dev.ghlake.notify;

import dev.ghlake.secrets.WireLogs;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.beam.sdk.util.BackOff;
import org.apache.beam.sdk.util.FluentBackoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts a message to a Slack incoming webhook: 429 waits for Retry-After, 5xx and network errors
 * back off and retry, other answers are final. The URL (a secret) never appears in what it says.
 */
final class SlackWebhook {
  private static final Logger LOG = LoggerFactory.getLogger(SlackWebhook.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final long FIRST_BACKOFF_MILLIS = 500;
  private static final long MAX_WAIT_SECONDS = 60;

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final int attempts;

  SlackWebhook(int attempts) {
    this.attempts = Math.max(1, attempts);
    WireLogs.silence(); // the URL is a secret: no debug log of requests
  }

  /** Null when delivered, else why not (without the URL). */
  String post(URI webhook, String json) throws InterruptedException {
    String last = "not tried";
    BackOff backoff = FluentBackoff.DEFAULT.withExponent(2) // jittered: runs failing at once spread out
        .withInitialBackoff(org.joda.time.Duration.millis(FIRST_BACKOFF_MILLIS)).backoff();
    for (int attempt = 1; attempt <= attempts; attempt++) {
      Duration wait = Duration.ofMillis(nextWait(backoff));
      try {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(webhook).timeout(TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return null;
        }
        last = "Slack answered HTTP " + r.statusCode() + " " + r.body().strip();
        if (r.statusCode() == 429) {
          wait = Duration.ofSeconds(Math.min(MAX_WAIT_SECONDS,
              r.headers().firstValueAsLong("Retry-After").orElse(1)));
        } else if (r.statusCode() < 500) {
          return last; // Slack will not change its mind (bad payload, revoked webhook)
        }
      } catch (IOException e) {
        last = "cannot reach Slack: " + e.getClass().getSimpleName();
      }
      if (attempt < attempts) {
        LOG.warn("Slack message not delivered ({}); retrying in {} ms", last, wait.toMillis());
        Thread.sleep(wait.toMillis());
      }
    }
    return last + " (after " + attempts + " attempts)";
  }

  private static long nextWait(BackOff backoff) {
    try {
      return Math.max(0, backoff.nextBackOffMillis());
    } catch (IOException e) { // FluentBackoff's computes a number; its signature allows more
      return FIRST_BACKOFF_MILLIS;
    }
  }
}
