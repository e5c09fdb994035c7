package dev.ghlake.accounting;

import dev.ghlake.model.Rejected;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;

/**
 * Collects, while the pipeline is built, every step's tallies and dead letters, so each step can
 * account for what it drops without widening the main chain of transforms.
 */
public final class Ledger {
  public static final KvCoder<String, Long> TALLY_CODER =
      KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of());

  private final List<PCollection<KV<String, Long>>> tallies = new ArrayList<>();
  private final List<PCollection<Rejected>> rejected = new ArrayList<>();

  public void recordTallies(PCollection<KV<String, Long>> stepTallies) {
    tallies.add(stepTallies.setCoder(TALLY_CODER));
  }

  public void recordRejected(PCollection<Rejected> stepRejected) {
    rejected.add(stepRejected.setCoder(Rejected.RejectedCoder.of()));
  }

  /** Every tally of the run, summed by key. Call once, after all steps are applied. */
  public PCollection<KV<String, Long>> entries(Pipeline pipeline) {
    PCollectionList<KV<String, Long>> all = tallies.isEmpty()
        ? PCollectionList.of(pipeline.apply("NoTallies", Create.empty(TALLY_CODER)))
        : PCollectionList.of(tallies);
    return all.apply("AllTallies", Flatten.pCollections())
        .apply("SumTallies", Sum.longsPerKey())
        .setCoder(TALLY_CODER);
  }

  /** Every dead letter of the run. */
  public PCollection<Rejected> rejected(Pipeline pipeline) {
    PCollectionList<Rejected> all = rejected.isEmpty()
        ? PCollectionList.of(pipeline.apply("NoRejects", Create.empty(Rejected.RejectedCoder.of())))
        : PCollectionList.of(rejected);
    return all.apply("AllRejected", Flatten.pCollections());
  }
}
