package dev.ghlake.commit;

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
 * whole from its own archive file, and that file holding events of its hour. Its gaps are the
 * reasons it cannot: an hour file missing, empty or broken, an hour file read whole that is not
 * the file of its hour (no event of it: garbage; more events of later hours: a mirror out of
 * step), or
 * (without a window) not among the files read. Sources that are not hour files (BigQuery
 * tables, generated events) have nothing to vouch for by hour.
 */
final class Vouching {
  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH");

  private Vouching() {}

  /** The partition's gaps; none when the run can vouch for it. */
  static List<String> gaps(String partition, PartitionBy by, List<SourceOutcome> sources,
      Map<String, Long> eventsBySource, Map<String, Map<String, Long>> sourceHours) {
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
      } else if (own) {
        String notItsHour = notItsHour(s, sourceHours.getOrDefault(s.name(), Map.of()));
        if (notItsHour != null) {
          gaps.add(notItsHour);
        }
      }
    }
    if (hourFiles) {
      hours.stream().filter(h -> !covered.contains(h)).sorted()
          .forEach(h -> gaps.add("no archive file of hour " + h + " was read"));
    }
    return gaps;
  }

  /**
   * Why an hour file read whole is not the file of its hour, or null. It holds no event of its
   * hour (garbage, an error page); or more events created after its hour than in it: no honest
   * file holds events from its future, so it is a later hour's file under this name (a mirror
   * out of step). Events from before its hour are normal: GitHub's Events API delivers late
   * ("event latency can be anywhere from 30s to 6h": docs.github.com/rest/activity/events,
   * List public events), and GH Archive files events by when it received them.
   */
  private static String notItsHour(SourceOutcome s, Map<String, Long> byHour) {
    String last = s.hours().stream().max(String::compareTo).orElseThrow();
    long own = 0;
    long after = 0;
    for (Map.Entry<String, Long> e : byHour.entrySet()) {
      if (s.hours().contains(e.getKey())) {
        own += e.getValue();
      } else if (e.getKey().compareTo(last) > 0) {
        after += e.getValue();
      }
    }
    if (own > 0 && after <= own) {
      return null;
    }
    return s.name() + " does not hold its hour: " + own + " of its " + s.lines() + " line(s) are "
        + "events of " + String.join(",", s.hours()) + ", " + after + " of later hours";
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
