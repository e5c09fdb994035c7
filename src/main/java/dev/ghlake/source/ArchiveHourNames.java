package dev.ghlake.source;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GH Archive's hour file names ({@code 2024-07-01-8.json.gz}, hour not zero-padded) and the clock
 * each is named by: UTC in the Events API era of 2011–2012, Pacific time (7–8 hours behind UTC) in
 * the timeline era from {@link #PACIFIC_NAMES_FROM}, UTC again from 2015 (docs/eras.md).
 */
public final class ArchiveHourNames {
  /** The clock a file name is read by. */
  public enum Clock {
    UTC,
    PACIFIC
  }

  /**
   * The first file named in Pacific time. GH Archive's crawler named files by UTC until at least
   * 2012-03-08 (every event of {@code 2012-03-08-0} is of 00:00–00:59Z: gharchive.org pull request
   * 26); files {@code 2012-03-10-9} to {@code -21} were never published (gharchive.org issues 30,
   * 52 and 141 list the same 13 names), and {@code 2012-03-11-2} is missing because 02:00 did not
   * exist in Pacific time that night (daylight saving began): by then names were Pacific. The
   * outage is the only break in the files, so the switch is placed at its end: names up to
   * {@code 2012-03-10-8} are UTC, names from {@code 2012-03-10-22} Pacific. Should a file near it
   * be named otherwise, vouching says so: the file would not hold events of its hour.
   */
  static final LocalDateTime PACIFIC_NAMES_FROM = LocalDateTime.of(2012, 3, 10, 22, 0);
  /** From this name on, files are named in UTC again (the Events API files of 2015 on). */
  static final LocalDateTime PACIFIC_NAMES_UNTIL = LocalDateTime.of(2015, 1, 1, 0, 0);
  /**
   * From this instant on the Events API's UTC files hold the events. The last eight timeline
   * files ({@code 2014-12-31-16} to {@code -23}, Pacific) cover 2015-01-01T00–07Z too, with other
   * events than the UTC files {@code 2015-01-01-0} to {@code -7}: each hour is taken from one era
   * only (see {@link ArchiveEra}).
   */
  static final ZonedDateTime EVENTS_API_FROM = ZonedDateTime.of(2015, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
  /** Pacific standard time is this many hours behind UTC (daylight time one less). */
  static final int PACIFIC_OFFSET_HOURS = 8;
  private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");
  private static final Pattern NAME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})-(1?\\d|2[0-3])\\.json\\.gz");

  private ArchiveHourNames() {}

  /** The file name for an hour, by the name's own clock. */
  public static String of(ZonedDateTime hour) {
    return hour.toLocalDate() + "-" + hour.getHour() + ".json.gz";
  }

  /**
   * The name of the file that holds a UTC hour: from 2015 on the Events API's UTC file, before it
   * the file of the clock names had then. Null for the hours of 2012-03-10T22Z to 2012-03-11T05Z,
   * which no name stands for (the clock's switch: UTC names from 22 on are Pacific ones).
   */
  public static String nameOf(ZonedDateTime utcHour) {
    Clock clock = clockOf(utcHour);
    return clock == null ? null : nameIn(utcHour, clock);
  }

  /** The clock of the file that holds a UTC hour; null where no name stands for it. */
  public static Clock clockOf(ZonedDateTime utcHour) {
    if (!utcHour.isBefore(EVENTS_API_FROM)) {
      return Clock.UTC;
    }
    if (nameIn(utcHour, Clock.PACIFIC) != null) {
      return Clock.PACIFIC;
    }
    return nameIn(utcHour, Clock.UTC) != null ? Clock.UTC : null;
  }

  /**
   * The name of the hour's file by a clock, or null if names of that time are not of that clock
   * (e.g. Pacific names of 2015, which are UTC names of the Events API files).
   */
  public static String nameIn(ZonedDateTime utcHour, Clock clock) {
    LocalDateTime local = clock == Clock.PACIFIC
        ? utcHour.withZoneSameInstant(PACIFIC).toLocalDateTime()
        : utcHour.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    return clockOfName(local) == clock ? local.toLocalDate() + "-" + local.getHour() + ".json.gz" : null;
  }

  /** The clock of a file name; null if it is not an hour file name. */
  public static Clock clockOfName(String fileName) {
    LocalDateTime named = named(fileName);
    return named == null ? null : clockOfName(named);
  }

  /**
   * The UTC hour a file name stands for, as tallies name hours ({@code 2024-07-01T08}); Pacific
   * names by Pacific local time, daylight saving included (the autumn's repeated hour is taken
   * as its first). Null if it is not an hour file name.
   */
  public static String utcHourOf(String fileName) {
    LocalDateTime named = named(fileName);
    if (named == null) {
      return null;
    }
    LocalDateTime utc = clockOfName(named) == Clock.PACIFIC
        ? named.atZone(PACIFIC).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime() : named;
    return hourName(utc);
  }

  /**
   * Every UTC hour a file name stands for, comma-separated: one, or two for the autumn's repeated
   * Pacific hour (one file holds both). Empty if it is not an hour file name.
   */
  public static String utcHoursOf(String fileName) {
    String first = utcHourOf(fileName);
    if (first == null) {
      return "";
    }
    LocalDateTime named = named(fileName);
    if (clockOfName(named) != Clock.PACIFIC || PACIFIC.getRules().getValidOffsets(named).size() < 2) {
      return first;
    }
    LocalDateTime later = named.atZone(PACIFIC).withLaterOffsetAtOverlap()
        .withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    return first + "," + hourName(later);
  }

  /** Whether the files of a window starting at this UTC hour are named in Pacific time. */
  static boolean isPacific(ZonedDateTime hour) {
    return clockOf(hour) == Clock.PACIFIC;
  }

  private static Clock clockOfName(LocalDateTime named) {
    return !named.isBefore(PACIFIC_NAMES_FROM) && named.isBefore(PACIFIC_NAMES_UNTIL)
        ? Clock.PACIFIC : Clock.UTC;
  }

  private static LocalDateTime named(String fileName) {
    Matcher m = NAME.matcher(fileName);
    return m.matches() ? LocalDate.parse(m.group(1)).atTime(Integer.parseInt(m.group(2)), 0) : null;
  }

  private static String hourName(LocalDateTime utc) {
    int hour = utc.getHour();
    return utc.toLocalDate() + (hour < 10 ? "T0" : "T") + hour;
  }
}
