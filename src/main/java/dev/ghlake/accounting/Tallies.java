package dev.ghlake.accounting;

import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Counts tallies within one bundle and emits each key once when the bundle finishes: one small
 * element per (key, bundle) instead of one per event.
 */
public final class Tallies {
  /** The output every counting step writes its tallies to. */
  public static final TupleTag<KV<String, Long>> TAG = new TupleTag<>("tallies") {};

  private final Map<String, Long> counts = new HashMap<>();

  public void add(String key, long n) {
    if (n != 0) {
      counts.merge(key, n, Long::sum);
    }
  }

  public void add(Tally.Kind kind, String detail, String hour, String source) {
    add(Tally.key(kind, detail, hour, source), 1);
  }

  /** Emits and clears; call from {@code @FinishBundle} (batch pipelines: the global window). */
  public <T> void flush(DoFn<?, T>.FinishBundleContext context) {
    counts.forEach((key, n) -> context.output(
        TAG, KV.of(key, n), BoundedWindow.TIMESTAMP_MIN_VALUE, GlobalWindow.INSTANCE));
    counts.clear();
  }
}
