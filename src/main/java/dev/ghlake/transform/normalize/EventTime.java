package dev.ghlake.transform.normalize;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Reads GH Archive's {@code created_at} in every form it has taken, to UTC microseconds.
 *
 * <ul>
 *   <li>{@code 2011-02-15T00:00:06Z}, {@code 2013-02-15T00:00:39-08:00}: ISO-8601 with offset;
 *   <li>{@code 2012/03/11 15:41:52 -0700}: the 2012 timeline form;
 *   <li>{@code 2011-02-15 00:00:06} (optionally {@code .fff} and {@code UTC}): BigQuery's UTC form.
 * </ul>
 *
 * A time without a zone in the ISO form is refused: guessing its zone would make up a value.
 */
public final class EventTime {
  private static final DateTimeFormatter SLASHED =
      DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss Z");
  private static final DateTimeFormatter BIGQUERY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS][.SSS][ 'UTC']");

  private EventTime() {}

  /** UTC microseconds since the epoch; throws {@link DateTimeParseException} when unreadable. */
  public static long parseMicros(String text) {
    String s = text.trim();
    if (s.length() < 19) {
      throw new DateTimeParseException("too short for a timestamp", s, 0);
    }
    Instant instant;
    if (s.charAt(4) == '/') {
      instant = OffsetDateTime.parse(s, SLASHED).toInstant();
    } else if (s.charAt(10) == 'T') {
      instant = OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } else if (s.charAt(10) == ' ') {
      instant = LocalDateTime.parse(s, BIGQUERY).toInstant(ZoneOffset.UTC);
    } else {
      throw new DateTimeParseException("not a GH Archive timestamp", s, 0);
    }
    return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
  }
}
