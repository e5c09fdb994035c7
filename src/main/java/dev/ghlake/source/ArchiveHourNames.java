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
 * they are named by: Pacific time (7–8 hours behind UTC) in the timeline era, from
 * {@link #PACIFIC_NAMES_FROM} to 2015; UTC before (the Events API era of 2011–2012) and since.
 */
public final class ArchiveHourNames {
  /**
   * Files named from this hour on were named in Pacific time. Before it, in the Events API era,
   * a file named {@code D-H} holds the events of UTC hour H: the real hours of 2011-02-15 and
   * 2012-02-15 hold 00:00–00:59Z, and GH Archive said so for 2012-03-08 (gharchive.org pull
   * request 26). Pacific names are proven from 2012-11-04 (issue 33) on; the switch itself is
   * not documented, so it is placed the day after the last UTC day proven.
   */
  static final LocalDateTime PACIFIC_NAMES_FROM = LocalDateTime.of(2012, 3, 9, 0, 0);
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
    LocalDateTime utc = isPacificName(named)
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
    if (!isPacificName(named) || PACIFIC.getRules().getValidOffsets(named).size() < 2) {
      return first;
    }
    LocalDateTime later = named.atZone(PACIFIC).withLaterOffsetAtOverlap()
        .withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
    int hour = later.getHour();
    return first + "," + later.toLocalDate() + (hour < 10 ? "T0" : "T") + hour;
  }

  /** Whether the files of a window starting at this UTC hour are named in Pacific time. */
  static boolean isPacific(ZonedDateTime hour) {
    return !hour.isBefore(PACIFIC_NAMES_FROM.atZone(ZoneOffset.UTC)) && hour.isBefore(PACIFIC_NAMES_UNTIL);
  }

  private static boolean isPacificName(LocalDateTime named) {
    return !named.isBefore(PACIFIC_NAMES_FROM) && named.isBefore(PACIFIC_NAMES_UNTIL.toLocalDateTime());
  }
}
