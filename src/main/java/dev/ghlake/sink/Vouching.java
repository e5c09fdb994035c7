package dev.ghlake.sink;

import dev.ghlake.accounting.SourceOutcome;
import dev.ghlake.model.PartitionBy;
import dev.ghlake.model.PartitionPath;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a run can vouch for what it would make a partition: every hour of the partition read
 * whole from its own archive file. Its gaps are the reasons it cannot: an hour file missing,
 * empty or broken, or (without a window) not among the files read. Sources that are not hour
 * files (BigQuery tables, generated events) have nothing to vouch for by hour.
 */
final class Vouching {
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH");

  private Vouching() {}

  /** The partition's gaps; none when the run can vouch for it. */
  static List<String> gaps(String partition, PartitionBy by, List<SourceOutcome> sources,
      Map<String, Long> eventsBySource) {
    List<String> gaps = new ArrayList<>();
    Set<String> hours = hoursOf(partition, by);
    Set<String> covered = new HashSet<>();
    boolean hourFiles = false;
    for (SourceOutcome s : sources) {
      if (s.role() != SourceOutcome.Role.WINDOW && s.role() != SourceOutcome.Role.FILE) {
        continue;
      }
      boolean own = s.hours().stream().anyMatch(hours::contains);
      hourFiles |= !s.hours().isEmpty();
      if (own) {
        covered.addAll(s.hours());
      }
      boolean fed = s.hours().isEmpty() && eventsBySource.containsKey(s.name());
      if ((own || fed) && s.status().isGap()) {
        gaps.add(s.describe());
      }
    }
    if (hourFiles) {
      hours.stream().filter(h -> !covered.contains(h)).sorted()
          .forEach(h -> gaps.add("no archive file of hour " + h + " was read"));
    }
    return gaps;
  }

  private static Set<String> hoursOf(String partition, PartitionBy by) {
    LocalDateTime start = PartitionPath.start(partition);
    Set<String> hours = new HashSet<>();
    for (int h = 0; h < (by == PartitionBy.day ? 24 : 1); h++) {
      hours.add(HOUR.format(start.plusHours(h)));
    }
    return hours;
  }
}
