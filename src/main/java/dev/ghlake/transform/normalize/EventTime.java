package dev.ghlake.transform.normalize;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
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

  private static final long NOT_FAST = Long.MIN_VALUE;

  private EventTime() {}

  /**
   * The common forms, {@code 2024-07-01T08:00:00Z} and {@code 2014-02-15T00:03:54-08:00}, read
   * without a formatter (this runs once per event); anything else, or anything out of range,
   * is left to the formatters, which decide.
   */
  private static long isoSeconds(String s) {
    int n = s.length();
    if ((n != 20 && n != 25) || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
        || s.charAt(13) != ':' || s.charAt(16) != ':') {
      return NOT_FAST;
    }
    int offsetSeconds;
    if (n == 20) {
      if (s.charAt(19) != 'Z') {
        return NOT_FAST;
      }
      offsetSeconds = 0;
    } else {
      char sign = s.charAt(19);
      int oh = digits(s, 20, 2);
      int om = digits(s, 23, 2);
      if ((sign != '+' && sign != '-') || s.charAt(22) != ':' || oh < 0 || om < 0 || oh > 18 || om > 59) {
        return NOT_FAST;
      }
      offsetSeconds = (sign == '-' ? -1 : 1) * (oh * 3600 + om * 60);
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 28 && day > lengthOf(year, month)
        || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
      return NOT_FAST;
    }
    long days = LocalDate.of(year, month, day).toEpochDay();
    return days * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
  }

  private static int lengthOf(int year, int month) {
    return YearMonth.of(year, month).lengthOfMonth();
  }

  /** The number written by {@code count} ASCII digits at {@code at}, or -1. */
  private static int digits(String s, int at, int count) {
    int v = 0;
    for (int i = at; i < at + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /** UTC microseconds since the epoch; throws {@link DateTimeParseException} when unreadable. */
  public static long parseMicros(String text) {
    long fast = isoSeconds(text);
    if (fast != NOT_FAST) {
      return fast * 1_000_000L;
    }
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
