package dev.ghlake.accounting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
  private static final SumInMap<Tally> SUM = new SumInMap<>(Tally.Coder.of());
  /**
   * The sum's accumulators first meet in 16 keyed sums, then in one. The DirectRunner keeps a
   * key's accumulators in state and copies all of them for each bundle that adds one (every
   * counting step's bundles add one): with one key that copying grows with the square of the
   * bundles. 72 hourly partitions of 7,200 events, 1 core: 20.2-21.1 CPU s and 12.9-13.9 s
   * against 17.5-17.8 and 11.4-11.5 with the fan-out (the copies were 30 % of the Java samples);
   * a 400k-event day the same (27.0-29.3 against 27.0-28.4 CPU s). Flink lifts both sums.
   */
  private static final int FANOUT = 16;

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
        .apply("Sum", Combine.globally(SUM).withFanout(FANOUT).withoutDefaults())
        .setCoder(SUM.sumsCoder())
        .apply("Entries", ParDo.of(new EntriesFn()))
        .setCoder(Tallies.CODER);
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
