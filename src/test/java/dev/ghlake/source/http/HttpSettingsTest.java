package dev.ghlake.source.http;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.apache.beam.sdk.util.BackOff;
import org.junit.Test;

/** Waits between a download's attempts: doubling, capped, as many as the attempts allow, never in step. */
public class HttpSettingsTest {
  private static final HttpSettings SETTINGS = new HttpSettings(Duration.ofSeconds(30), 12, 8, Duration.ofMillis(500));

  @Test
  public void downloadsFailingAtOnceDoNotRetryInStep() throws Exception {
    Set<Long> firstWaits = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      long wait = SETTINGS.backoff().nextBackOffMillis();
      assertTrue(wait + " ms", wait >= 250 && wait <= 750); // 500 ms ± half
      firstWaits.add(wait);
    }
    assertTrue("jittered: " + firstWaits, firstWaits.size() > 10);
  }

  @Test
  public void waitsDoubleUpToThirtySecondsForTheAttemptsThereAre() throws Exception {
    BackOff backoff = SETTINGS.backoff();
    long total = 0;
    for (int retry = 1; retry < SETTINGS.attempts(); retry++) {
      long wait = backoff.nextBackOffMillis();
      long nominal = Math.min(500L << (retry - 1), 30_000);
      assertTrue("retry " + retry + ": " + wait + " ms", wait >= nominal / 2 && wait <= nominal * 3 / 2);
      total += wait;
    }
    assertEquals("no wait after the last attempt", BackOff.STOP, backoff.nextBackOffMillis());
    assertTrue(total + " ms in all", total < 12 * 45_000);
  }
}
