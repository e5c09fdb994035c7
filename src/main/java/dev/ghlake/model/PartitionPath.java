package dev.ghlake.model;

import dev.ghlake.model.HourWindow;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/** Hive-style partition folder of an event time: {@code dt=2024-07-01/hour=08} or {@code dt=2024-07-01}. */
public final class PartitionPath {
  private PartitionPath() {}

  public static String of(long createdAtMicros, PartitionBy by) {
    return of(LocalDateTime.ofEpochSecond(
        Math.floorDiv(createdAtMicros, 1_000_000L), 0, ZoneOffset.UTC), by);
  }

  /** The partition of a tally hour ({@code 2024-07-01T08}). */
  public static String ofHour(String hour, PartitionBy by) {
    return of(LocalDateTime.parse(hour + ":00"), by);
  }

  public static String of(LocalDateTime t, PartitionBy by) {
    String day = "dt=" + t.toLocalDate();
    if (by == PartitionBy.day) {
      return day;
    }
    int hour = t.getHour();
    return day + "/hour=" + (hour < 10 ? "0" : "") + hour;
  }

  /** The day of a path inside a partition's folder ({@code …/events/dt=2024-07-01/…}). */
  public static LocalDate dayOf(String path) {
    int at = path.indexOf("/dt=");
    return LocalDate.parse(path.substring(at + 4, at + 14));
  }

  /** The start of a partition's time range. */
  public static LocalDateTime start(String partition) {
    LocalDate day = LocalDate.parse(partition.substring(3, 13));
    int slash = partition.indexOf("/hour=");
    return slash < 0 ? day.atStartOfDay() : day.atTime(Integer.parseInt(partition.substring(slash + 6)), 0);
  }

  /** The {@code n} partitions just before this one, nearest first. */
  public static List<String> previous(String partition, int n, PartitionBy by) {
    LocalDateTime t = start(partition);
    List<String> out = new ArrayList<>(n);
    for (int i = 1; i <= n; i++) {
      out.add(of(by == PartitionBy.day ? t.minusDays(i) : t.minusHours(i), by));
    }
    return out;
  }

  /**
   * Every partition a window covers. Throws when day partitions would be cut by the window: a
   * partial day would replace a whole day's partition with part of its events.
   */
  public static List<String> inWindow(HourWindow window, PartitionBy by) {
    if (by == PartitionBy.day && !window.isWholeDays()) {
      throw new IllegalArgumentException("--partitionBy=day needs a window of whole days, but "
          + window + " is not: give --from/--to as dates (2024-07-01), or use --partitionBy=hour");
    }
    List<String> out = new ArrayList<>();
    for (ZonedDateTime hour : window.hours()) {
      String p = of(hour.toLocalDateTime(), by);
      if (out.isEmpty() || !out.get(out.size() - 1).equals(p)) {
        out.add(p);
      }
    }
    return out;
  }
}
