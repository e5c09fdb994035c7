package dev.ghlake.transform.normalize;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.Test;

public class EventTimeTest {
  private static long micros(String utc) {
    return Instant.parse(utc).getEpochSecond() * 1_000_000L + Instant.parse(utc).getNano() / 1000;
  }

  @Test
  public void everyFormTheArchiveUsedReadsAsUtc() {
    assertEquals(micros("2011-02-15T00:00:06Z"), EventTime.parseMicros("2011-02-15T00:00:06Z"));
    assertEquals(micros("2014-02-15T08:03:54Z"), EventTime.parseMicros("2014-02-15T00:03:54-08:00"));
    assertEquals(micros("2012-03-11T22:41:52Z"), EventTime.parseMicros("2012/03/11 15:41:52 -0700"));
    assertEquals(micros("2011-02-15T00:00:06Z"), EventTime.parseMicros("2011-02-15 00:00:06"));
    assertEquals(micros("2024-07-01T00:00:02.500Z"), EventTime.parseMicros("2024-07-01 00:00:02.500 UTC"));
  }

  @Test
  public void refusesTimesWithoutAZoneOrGarbage() {
    assertThrows(DateTimeParseException.class, () -> EventTime.parseMicros("2015-01-01T00:00:00"));
    assertThrows(DateTimeParseException.class, () -> EventTime.parseMicros("2015-13-01T00:00:00Z"));
    assertThrows(DateTimeParseException.class, () -> EventTime.parseMicros("soon"));
  }
}
