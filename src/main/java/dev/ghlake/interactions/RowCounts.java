package dev.ghlake.interactions;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/** What the table got per day: rows, bot rows, events by kind; summed as rows are made, sent per day and heading. */
final class RowCounts {
  private final Map<String, Long> counts = new HashMap<>();

  void add(InteractionRow row) {
    String day = row.key().day();
    counts.merge(DayCounts.key(day, DayCounts.ROWS), 1L, Long::sum);
    if (row.botReason() != null) {
      counts.merge(DayCounts.key(day, DayCounts.BOT_ROWS), 1L, Long::sum);
    }
    counts.merge(DayCounts.key(day, DayCounts.KIND + row.key().kind().wire()), row.activity().events(), Long::sum);
  }

  void forEach(BiConsumer<String, Long> each) {
    counts.forEach(each);
  }
}
