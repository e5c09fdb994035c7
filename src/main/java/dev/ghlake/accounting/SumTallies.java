package dev.ghlake.accounting;

import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;

/** Sums the tallies of every counting step into the run's ledger entries, one per key. */
public class SumTallies
    extends PTransform<PCollectionList<KV<Tally, Long>>, PCollection<KV<Tally, Long>>> {
  public static SumTallies create() {
    return new SumTallies();
  }

  @Override
  public PCollection<KV<Tally, Long>> expand(PCollectionList<KV<Tally, Long>> steps) {
    return steps
        .apply("AllTallies", Flatten.pCollections())
        .setCoder(Tallies.CODER)
        .apply("Sum", Sum.longsPerKey())
        .setCoder(Tallies.CODER);
  }
}
