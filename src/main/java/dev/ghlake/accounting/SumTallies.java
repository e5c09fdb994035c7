package dev.ghlake.accounting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;

/** Sums the tallies of every counting step into the run's ledger entries, one per key. */
public class SumTallies
    extends PTransform<PCollectionList<KV<Tally, Long>>, PCollection<KV<Tally, Long>>> {
  private static final Coder<Map<Tally, Long>> SUMS = MapCoder.of(Tally.Coder.of(), VarLongCoder.of());

  public static SumTallies create() {
    return new SumTallies();
  }

  @Override
  public PCollection<KV<Tally, Long>> expand(PCollectionList<KV<Tally, Long>> steps) {
    // one sum for the whole run, not a sum per key: a day has hundreds of keys (851 in the 1.2M
    // benchmark), and the DirectRunner runs each key of a keyed sum as a bundle of its own, every
    // step downstream re-translated for each (most of the seconds between last file and commit)
    return steps
        .apply("AllTallies", Flatten.pCollections())
        .setCoder(Tallies.CODER)
        .apply("Sum", Combine.globally(new SumFn()).withoutDefaults())
        .setCoder(SUMS)
        .apply("Entries", ParDo.of(new EntriesFn()))
        .setCoder(Tallies.CODER);
  }

  /** Adds up counts by key, in one map. */
  static class SumFn extends Combine.CombineFn<KV<Tally, Long>, Map<Tally, Long>, Map<Tally, Long>> {
    @Override
    public Map<Tally, Long> createAccumulator() {
      return new HashMap<>();
    }

    @Override
    public Map<Tally, Long> addInput(Map<Tally, Long> sums, KV<Tally, Long> tally) {
      sums.merge(tally.getKey(), tally.getValue(), Long::sum);
      return sums;
    }

    @Override
    public Map<Tally, Long> mergeAccumulators(Iterable<Map<Tally, Long>> all) {
      Map<Tally, Long> merged = new HashMap<>();
      all.forEach(sums -> sums.forEach((k, n) -> merged.merge(k, n, Long::sum)));
      return merged;
    }

    @Override
    public Map<Tally, Long> extractOutput(Map<Tally, Long> sums) {
      return sums;
    }

    @Override
    public Coder<Map<Tally, Long>> getAccumulatorCoder(CoderRegistry registry, Coder<KV<Tally, Long>> input) {
      return SUMS;
    }
  }

  /** The sums as entries, in a fixed order (kind, detail, hour, source). */
  static class EntriesFn extends DoFn<Map<Tally, Long>, KV<Tally, Long>> {
    private static final Comparator<Tally> ORDER = Comparator.comparing(Tally::kind)
        .thenComparing(Tally::detail).thenComparing(Tally::hour).thenComparing(Tally::source);

    @ProcessElement
    public void process(@Element Map<Tally, Long> sums, OutputReceiver<KV<Tally, Long>> out) {
      List<Tally> keys = new ArrayList<>(sums.keySet());
      keys.sort(ORDER);
      keys.forEach(k -> out.output(KV.of(k, sums.get(k))));
    }
  }
}
