package dev.ghlake.sink;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Hive-style partition folder of an event time: {@code dt=2024-07-01/hour=08} or {@code dt=2024-07-01}. */
public final class PartitionPath {
  private PartitionPath() {}

  public static String of(long createdAtMicros, SinkOptions.PartitionBy by) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(
        Math.floorDiv(createdAtMicros, 1_000_000L), 0, ZoneOffset.UTC);
    String day = "dt=" + t.toLocalDate();
    if (by == SinkOptions.PartitionBy.day) {
      return day;
    }
    int hour = t.getHour();
    return day + "/hour=" + (hour < 10 ? "0" : "") + hour;
  }
}
