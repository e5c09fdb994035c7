package dev.ghlake.source.synthetic;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import dev.ghlake.transform.normalize.EventNormalizer;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.apache.avro.generic.GenericRecord;
import org.junit.Test;

public class SyntheticEventGeneratorTest {
  private static final Instant HOUR = Instant.parse("2024-07-01T10:00:00Z");

  @Test
  public void theSameSeedAndIndexGiveTheSameLine() {
    assertEquals(new SyntheticEventGenerator(7).event(123, HOUR),
        new SyntheticEventGenerator(7).event(123, HOUR));
    assertNotEquals(new SyntheticEventGenerator(7).event(123, HOUR),
        new SyntheticEventGenerator(8).event(123, HOUR));
  }

  @Test
  public void aSampleHasTheArchivesMixAndEveryLineNormalises() throws Exception {
    SyntheticEventGenerator gen = new SyntheticEventGenerator(42);
    EventNormalizer normalizer = new EventNormalizer(true);
    int n = 20_000;
    Map<String, Integer> types = new HashMap<>();
    int bots = 0;
    int inHour = 0;
    long bytes = 0;
    for (int i = 0; i < n; i++) {
      String line = gen.event(i, HOUR);
      bytes += line.length();
      GenericRecord e = normalizer.normalize(line); // throws if any line is not a good event
      types.merge(e.get("type").toString(), 1, Integer::sum);
      bots += e.get("actor_login").toString().endsWith("[bot]") ? 1 : 0;
      long micros = (Long) e.get("created_at");
      inHour += micros >= HOUR.getEpochSecond() * 1_000_000L
          && micros < HOUR.plusSeconds(3600).getEpochSecond() * 1_000_000L ? 1 : 0;
    }
    double push = types.get("PushEvent") / (double) n;
    assertTrue("PushEvent share " + push, push > 0.45 && push < 0.55);
    assertEquals(new TreeSet<>(Arrays.asList(SyntheticEventGenerator.TYPES)), types.keySet());
    assertTrue("bots " + bots, bots > n * 0.05 && bots < n * 0.11);
    assertTrue("a few late events", inHour < n && inHour > n * 0.99);
    assertTrue("average line " + bytes / n, bytes / n > 500 && bytes / n < 5000);
  }

  @Test
  public void aboutOneInAThousandRepeatsThePrevious() {
    SyntheticEventGenerator gen = new SyntheticEventGenerator(42);
    int repeats = 0;
    for (int i = 0; i < 100_000; i++) {
      repeats += gen.repeatsPrevious(i) ? 1 : 0;
    }
    assertTrue("repeats " + repeats, repeats > 60 && repeats < 140);
  }
}
