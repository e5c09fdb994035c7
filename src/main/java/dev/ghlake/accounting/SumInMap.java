package dev.ghlake.accounting;

import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.values.KV;

/**
 * Adds up counts by key into one map. Used where a keyed sum would have thousands of keys: the
 * DirectRunner runs each key of a GroupByKey as a bundle of its own, and every step downstream
 * is scheduled and its watermarks updated for each, so one map per sum (or per partition) is
 * far cheaper than one element per key; on Flink the combine is lifted before the shuffle.
 */
public final class SumInMap<K> extends Combine.CombineFn<KV<K, Long>, Map<K, Long>, Map<K, Long>> {
  private final Coder<K> keyCoder;

  public SumInMap(Coder<K> keyCoder) {
    this.keyCoder = keyCoder;
  }

  /** The coder of the sums (and of the accumulator). */
  public Coder<Map<K, Long>> sumsCoder() {
    return MapCoder.of(keyCoder, VarLongCoder.of());
  }

  @Override
  public Map<K, Long> createAccumulator() {
    return new HashMap<>();
  }

  @Override
  public Map<K, Long> addInput(Map<K, Long> sums, KV<K, Long> count) {
    sums.merge(count.getKey(), count.getValue(), Long::sum);
    return sums;
  }

  @Override
  public Map<K, Long> mergeAccumulators(Iterable<Map<K, Long>> all) {
    Map<K, Long> merged = new HashMap<>();
    all.forEach(sums -> sums.forEach((k, n) -> merged.merge(k, n, Long::sum)));
    return merged;
  }

  @Override
  public Map<K, Long> extractOutput(Map<K, Long> sums) {
    return sums;
  }

  @Override
  public Coder<Map<K, Long>> getAccumulatorCoder(CoderRegistry registry, Coder<KV<K, Long>> input) {
    return sumsCoder();
  }
}
