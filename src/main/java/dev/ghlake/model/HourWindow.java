package dev.ghlake.model;

import java.io.Serializable;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** A half-open range of whole UTC hours, [from, to), as given by --from/--to. */
public final class HourWindow implements Serializable {
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH");

  private final ZonedDateTime from;
  private final ZonedDateTime to;

  private HourWindow(ZonedDateTime from, ZonedDateTime to) {
    this.from = from;
    this.to = to;
  }

  /**
   * Parses --from/--to. {@code to} may be null: then the window is the day or hour {@code from}
   * names. Throws {@link IllegalArgumentException} with a message that says what to change.
   */
  public static HourWindow parse(String from, String to) {
    if (from == null) {
      throw new IllegalArgumentException("--to needs --from: give the first hour to read too");
    }
    ZonedDateTime start = parseHour("--from", from);
    ZonedDateTime end = to != null
        ? parseHour("--to", to)
        : start.plus(isDay(from) ? Duration.ofDays(1) : Duration.ofHours(1));
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException(
          "--to (" + to + ") must be after --from (" + from + "); --to is exclusive");
    }
    return new HourWindow(start, end);
  }

  /** The window from one whole UTC hour to another (exclusive). */
  public static HourWindow between(ZonedDateTime from, ZonedDateTime to) {
    if (!to.isAfter(from)) {
      throw new IllegalArgumentException("a window must end after it starts: " + from + " .. " + to);
    }
    return new HourWindow(from.withZoneSameInstant(ZoneOffset.UTC), to.withZoneSameInstant(ZoneOffset.UTC));
  }

  public static ZonedDateTime parseHour(String option, String value) {
    String v = value.strip();
    try {
      if (isDay(v)) {
        return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC);
      }
      String hour = v.length() > 13 ? v.substring(0, 13) : v;
      if (v.length() > 13 && !v.substring(13).matches(":00(:00)?Z?")) {
        throw new IllegalArgumentException(option + "=" + value + " is not on a whole hour");
      }
      return LocalDateTime.parse(hour, HOUR).atZone(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          option + "=" + value + " is not a UTC day or hour: use 2024-07-01 or 2024-07-01T08");
    }
  }

  private static boolean isDay(String v) {
    return v.strip().length() == 10;
  }

  /** The window grown by whole hours on each side. */
  public HourWindow widen(int hoursBefore, int hoursAfter) {
    return new HourWindow(from.minusHours(hoursBefore), to.plusHours(hoursAfter));
  }

  public boolean contains(ZonedDateTime hour) {
    return !hour.isBefore(from) && hour.isBefore(to);
  }

  /** Start of the window in UTC microseconds. */
  public long fromMicros() {
    return from.toEpochSecond() * 1_000_000L;
  }

  /** End of the window (exclusive) in UTC microseconds. */
  public long toMicros() {
    return to.toEpochSecond() * 1_000_000L;
  }

  /** Whether the window starts and ends on UTC midnights. */
  public boolean isWholeDays() {
    return from.getHour() == 0 && to.getHour() == 0;
  }

  public ZonedDateTime from() {
    return from;
  }

  public ZonedDateTime to() {
    return to;
  }

  /** Every hour in the window, in order. */
  public List<ZonedDateTime> hours() {
    List<ZonedDateTime> hours = new ArrayList<>();
    for (ZonedDateTime h = from; h.isBefore(to); h = h.plusHours(1)) {
      hours.add(h);
    }
    return hours;
  }

  @Override
  public String toString() {
    return HOUR.format(from) + " .. " + HOUR.format(to);
  }
}
