package dev.ghlake.source.synthetic;

import dev.ghlake.accounting.Ledger;
import dev.ghlake.accounting.Tallies;
import dev.ghlake.accounting.TallyingDoFn;
import dev.ghlake.accounting.Tally;
import dev.ghlake.model.Accounting;
import dev.ghlake.model.RawLine;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/** Generates deterministic synthetic archive lines inside the pipeline (no files needed). */
public class GenerateSyntheticEvents extends PTransform<PBegin, PCollection<RawLine>> {
  static final TupleTag<RawLine> LINES = new TupleTag<>("lines") {};

  private final SyntheticPlan plan;
  private final long seed;
  private final transient Ledger ledger;

  public GenerateSyntheticEvents(SyntheticPlan plan, long seed, Ledger ledger) {
    this.plan = plan;
    this.seed = seed;
    this.ledger = ledger;
  }

  @Override
  public PCollection<RawLine> expand(PBegin begin) {
    PCollectionTuple out = begin
        .apply("Shards", Create.of(plan.shards())
            .withCoder(SerializableCoder.of(SyntheticPlan.Shard.class)))
        .apply("SpreadShards", Reshuffle.viaRandomKey())
        .apply("Generate", ParDo.of(new GenerateFn(seed))
            .withOutputTags(LINES, TupleTagList.of(Tallies.TAG)));
    ledger.recordTallies(out.get(Tallies.TAG));
    return out.get(LINES).setCoder(RawLine.LineCoder.of());
  }

  static class GenerateFn extends TallyingDoFn<SyntheticPlan.Shard, RawLine> {
    private final Counter read = Metrics.counter(Accounting.NAMESPACE, Accounting.READ);
    private final Counter bytes = Metrics.counter(Accounting.NAMESPACE, Accounting.BYTES_READ);
    private final long seed;

    GenerateFn(long seed) {
      this.seed = seed;
    }

    @ProcessElement
    public void process(@Element SyntheticPlan.Shard shard, MultiOutputReceiver out) {
      SyntheticEventGenerator generator = new SyntheticEventGenerator(seed);
      String source = "synthetic:" + shard.hourName();
      for (long i = shard.first(); i < shard.first() + shard.count(); i++) {
        String line = SyntheticPlan.line(generator, i, shard.firstOfHour(), shard.hourStart());
        read.inc();
        bytes.inc(line.length() + 1);
        out.get(LINES).output(new RawLine(source, i - shard.firstOfHour() + 1, line));
      }
      tallies().add(Tally.key(Tally.Kind.READ, "", "", source), shard.count());
    }
  }
}
