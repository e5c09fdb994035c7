package dev.ghlake.interactions;

import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Activities summed per key into rows, and flagged: bots by name, and by volume (an actor with
 * more interaction events in a day than the threshold).
 *
 * <p>Grouped by (day, bucket of the actor id), not by each key: every actor's day lands in one
 * group, so its volume is known where its rows are made, and a runner handles a few dozen groups
 * a day instead of millions of keys (the DirectRunner makes a bundle per key, ~10 ms each). A
 * group's rows are summed in memory: a day's interactions over {@link #BUCKETS}.
 */
public class BuildRows extends PTransform<PCollection<KV<PairKey, PairActivity>>, PCollection<InteractionRow>> {
  /** Groups per day: a modern day's two million or so keys, 60,000 a group. */
  static final int BUCKETS = 32;

  private final long botDailyInteractions;

  public BuildRows(long botDailyInteractions) {
    this.botDailyInteractions = botDailyInteractions;
  }

  @Override
  public PCollection<InteractionRow> expand(PCollection<KV<PairKey, PairActivity>> activity) {
    return activity
        .apply("ByActorBucket", MapElements
            .into(TypeDescriptors.kvs(TypeDescriptors.strings(), new TypeDescriptor<KV<PairKey, PairActivity>>() {}))
            .via(kv -> KV.of(kv.getKey().day() + "#" + Math.floorMod(Long.hashCode(kv.getKey().actorId()), BUCKETS), kv)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), KvCoder.of(PairKey.Coder.of(), PairActivity.Coder.of())))
        .apply("Group", GroupByKey.create())
        .apply("SumAndFlag", ParDo.of(new SumAndFlagFn(botDailyInteractions)))
        .setCoder(InteractionRow.Coder.of());
  }

  /** One group's activities summed per key, each actor's events of the day summed for the volume rule. */
  static final class SumAndFlagFn extends DoFn<KV<String, Iterable<KV<PairKey, PairActivity>>>, InteractionRow> {
    private final long threshold;

    SumAndFlagFn(long threshold) {
      this.threshold = threshold;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<KV<PairKey, PairActivity>>> group,
        OutputReceiver<InteractionRow> out) {
      Map<PairKey, PairActivity> rows = new HashMap<>();
      Map<Long, Long> perActor = new HashMap<>();
      for (KV<PairKey, PairActivity> kv : group.getValue()) {
        rows.merge(kv.getKey(), kv.getValue(), PairActivity::plus);
        perActor.merge(kv.getKey().actorId(), kv.getValue().events(), Long::sum);
      }
      rows.forEach((key, a) -> {
        InteractionRow row = InteractionRow.of(key, a);
        out.output(perActor.get(key.actorId()) > threshold ? row.withVolume() : row);
      });
    }
  }
}
