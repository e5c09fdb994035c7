package dev.ghlake.backfill;

import dev.ghlake.model.HourWindow;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** The unit a backfill's range is cut into: each is loaded, skipped and reported whole. */
public enum BackfillUnit {
  hour,
  day,
  month;

  /** The range cut at this unit's boundaries (UTC); the first and last units may be shorter. */
  public List<HourWindow> split(HourWindow range) {
    List<HourWindow> units = new ArrayList<>();
    ZonedDateTime from = range.from();
    while (from.isBefore(range.to())) {
      ZonedDateTime next = next(from);
      ZonedDateTime to = next.isAfter(range.to()) ? range.to() : next;
      units.add(HourWindow.between(from, to));
      from = to;
    }
    return units;
  }

  /** The start of the unit after the one {@code t} is in. */
  private ZonedDateTime next(ZonedDateTime t) {
    return switch (this) {
      case hour -> t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
      case day -> t.truncatedTo(ChronoUnit.DAYS).plusDays(1);
      case month -> t.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1).plusMonths(1);
    };
  }
}
