package dev.ghlake.lambda;

import dev.ghlake.commit.LakeCompleteness;
import dev.ghlake.model.HourWindow;
import dev.ghlake.model.LakePaths;
import dev.ghlake.model.PartitionBy;
import dev.ghlake.model.PartitionPath;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The windows a scheduled invocation loads: the last complete day (or last hours) before the
 * scheduled time less GH Archive's publication delay, and, for catch-up, every earlier day of
 * the last days whose partitions the lake does not hold complete. Oldest first.
 */
final class LoadPlan {
  private LoadPlan() {}

  /** The schedule's own window: the last complete day, or the last complete hours. */
  static HourWindow scheduled(LambdaConfig config, Instant scheduledTime) {
    ZonedDateTime effective = scheduledTime.minus(config.publicationDelay()).atZone(ZoneOffset.UTC);
    if (config.hourly()) {
      ZonedDateTime end = effective.truncatedTo(ChronoUnit.HOURS);
      return HourWindow.between(end.minusHours(config.hours()), end);
    }
    ZonedDateTime end = effective.truncatedTo(ChronoUnit.DAYS);
    return HourWindow.between(end.minusDays(1), end);
  }

  /**
   * Every window to load: per day of the catch-up period up to the schedule's window's end, the
   * span of its incomplete partitions (the whole day for day partitions). Days the lake holds
   * complete are left alone, so invoking again changes nothing.
   */
  static List<HourWindow> withCatchUp(LambdaConfig config, Instant scheduledTime, String output,
      PartitionBy by) throws IOException {
    HourWindow own = scheduled(config, scheduledTime);
    ZonedDateTime start = own.from().truncatedTo(ChronoUnit.DAYS).minusDays(config.catchUpDays());
    if (own.from().isBefore(start)) {
      start = own.from();
    }
    List<HourWindow> windows = new ArrayList<>();
    for (ZonedDateTime day = start; day.isBefore(own.to()); day = day.plusDays(1)) {
      ZonedDateTime from = day.isBefore(start) ? start : day;
      ZonedDateTime to = day.plusDays(1).isAfter(own.to()) ? own.to() : day.plusDays(1);
      if (!to.isAfter(from)) {
        continue;
      }
      List<String> missing = LakeCompleteness.incomplete(LakePaths.of(output), HourWindow.between(from, to), by);
      if (!missing.isEmpty()) {
        windows.add(by == PartitionBy.day ? HourWindow.between(day, day.plusDays(1)) : span(missing));
      }
    }
    return windows;
  }

  /** The window from the first to the last of some hour partitions. */
  private static HourWindow span(List<String> partitions) {
    LocalDateTime first = PartitionPath.start(partitions.get(0));
    LocalDateTime last = PartitionPath.start(partitions.get(partitions.size() - 1));
    return HourWindow.between(first.atZone(ZoneOffset.UTC), last.plusHours(1).atZone(ZoneOffset.UTC));
  }

  /** Whether a window should start, given the time left and how long windows have taken. */
  static boolean fits(Duration remaining, Duration slowestSoFar, Duration safety) {
    Duration needed = slowestSoFar.plus(slowestSoFar.dividedBy(5)).plus(safety);
    return remaining.compareTo(needed) > 0;
  }
}
