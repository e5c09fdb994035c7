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
        .apply("Sum", Combine.globally(SUM).withoutDefaults())
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
