package dev.ghlake.accounting;

import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
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
  public static final TupleTag<KV<Tally, Long>> TAG = new TupleTag<>("tallies") {};
  public static final KvCoder<Tally, Long> CODER = KvCoder.of(Tally.Coder.of(), VarLongCoder.of());

  private final Map<Tally, Long> counts = new HashMap<>();

  public void add(Tally tally, long n) {
    if (n != 0) {
      counts.merge(tally, n, Long::sum);
    }
  }

  public void add(Tally.Kind kind, String detail, String hour, String source) {
    add(new Tally(kind, detail, hour, source), 1);
  }

  /** Emits and clears; call from {@code @FinishBundle} (batch pipelines: the global window). */
  public <T> void flush(DoFn<?, T>.FinishBundleContext context) {
    counts.forEach((tally, n) -> context.output(
        TAG, KV.of(tally, n), BoundedWindow.TIMESTAMP_MIN_VALUE, GlobalWindow.INSTANCE));
    counts.clear();
  }
}
