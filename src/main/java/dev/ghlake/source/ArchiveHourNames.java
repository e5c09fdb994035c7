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
 * they are named by: UTC since 2015, Pacific time before (7–8 hours behind UTC).
 */
public final class ArchiveHourNames {
  /** Until this instant files were named in Pacific time. */
  static final ZonedDateTime PACIFIC_NAMES_UNTIL = ZonedDateTime.of(2015, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
  /** Pacific standard time is this many hours behind UTC (daylight time one less). */
  static final int PACIFIC_OFFSET_HOURS = 8;
  private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");
  private static final Pattern NAME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})-(\\d{1,2})\\.json\\.gz");

  private ArchiveHourNames() {}

  /** The file name for an hour, by the name's own clock. */
  public static String of(ZonedDateTime hour) {
    return hour.toLocalDate() + "-" + hour.getHour() + ".json.gz";
  }

  /**
   * The UTC hour a file name stands for, as tallies name hours ({@code 2024-07-01T08}); Pacific
   * names by Pacific local time, daylight saving included (the autumn's repeated hour is taken
   * as its first). Null if it is not an hour file name.
   */
  public static String utcHourOf(String fileName) {
    Matcher m = NAME.matcher(fileName);
    if (!m.matches()) {
      return null;
    }
    LocalDateTime named = LocalDate.parse(m.group(1)).atTime(Integer.parseInt(m.group(2)), 0);
    LocalDateTime utc = named.getYear() < 2015
        ? named.atZone(PACIFIC).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime() : named;
    int hour = utc.getHour();
    return utc.toLocalDate() + (hour < 10 ? "T0" : "T") + hour;
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
    Matcher m = NAME.matcher(fileName);
    m.matches();
    LocalDateTime named = LocalDate.parse(m.group(1)).atTime(Integer.parseInt(m.group(2)), 0);
    if (named.getYear() >= 2015 || PACIFIC.getRules().getValidOffsets(named).size() < 2) {
      return first;
    }
    LocalDateTime later = named.atZone(PACIFIC).withLaterOffsetAtOverlap()
        .withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    int hour = later.getHour();
    return first + "," + later.toLocalDate() + (hour < 10 ? "T0" : "T") + hour;
  }

  static boolean isPacific(ZonedDateTime hour) {
    return hour.isBefore(PACIFIC_NAMES_UNTIL);
  }
}
