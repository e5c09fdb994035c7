package dev.ghlake.interactions;

import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.KV;

/** What the table got per day: rows, bot rows, events by kind; summed per bundle, not sent per row. */
class RowCountsFn extends DoFn<InteractionRow, KV<String, Long>> {
  private transient Map<String, Long> counts;

  @StartBundle
  public void start() {
    counts = new HashMap<>();
  }

  @ProcessElement
  public void process(@Element InteractionRow row) {
    String day = row.key().day();
    counts.merge(DayCounts.key(day, DayCounts.ROWS), 1L, Long::sum);
    if (row.botReason() != null) {
      counts.merge(DayCounts.key(day, DayCounts.BOT_ROWS), 1L, Long::sum);
    }
    counts.merge(DayCounts.key(day, DayCounts.KIND + row.key().kind().wire()), row.activity().events(), Long::sum);
  }

  @FinishBundle
  public void finish(FinishBundleContext c) {
    counts.forEach((k, n) -> c.output(KV.of(k, n), GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE));
    counts = null;
  }
}
