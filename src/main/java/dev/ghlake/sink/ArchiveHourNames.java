package dev.ghlake.sink;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The UTC hour an archive file is named for: {@code 2024-07-01-8.json.gz} → {@code 2024-07-01T08}.
 * Names before 2015 are Pacific time: taken as PST (UTC−8), the summer hour is one off.
 */
final class ArchiveHourNames {
  private static final Pattern NAME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})-(\\d{1,2})\\.json\\.gz");

  private ArchiveHourNames() {}

  static String hourOf(String fileName) {
    Matcher m = NAME.matcher(fileName);
    if (!m.matches()) {
      return null;
    }
    java.time.LocalDateTime named = java.time.LocalDate.parse(m.group(1))
        .atTime(Integer.parseInt(m.group(2)), 0);
    java.time.LocalDateTime utc = named.getYear() < 2015 ? named.plusHours(8) : named;
    int hour = utc.getHour();
    return utc.toLocalDate() + (hour < 10 ? "T0" : "T") + hour;
  }
}
