package dev.ghlake.interactions;

import dev.ghlake.stage.StagedChunk;
import dev.ghlake.stage.StagedRecords;
import dev.ghlake.stage.StagingWriter;
import java.io.IOException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Staged activities summed per key into rows, and flagged: bots by name, and by volume (an actor
 * with more interaction events in a day than the threshold). The rows are staged again, by the
 * day's file they go to ({@link #ROWS}); what the day got is counted ({@link #COUNTS}).
 *
 * <p>Grouped by (day, bucket of the actor id), not by each key: every actor's day lands in one
 * group, so its volume is known where its rows are made, and a runner handles a few dozen groups
 * a day instead of millions of keys (the DirectRunner makes a bundle per key, ~10 ms each). What
 * is grouped is the references to staging files; a group's activities are summed in memory: a
 * day's interactions over {@link #BUCKETS}.
 */
public class BuildRows extends PTransform<PCollection<StagedChunk>, PCollectionTuple> {
  /** Groups per day: a modern day's two million or so keys, 60,000 a group. */
  static final int BUCKETS = 32;
  static final TupleTag<StagedChunk> ROWS = new TupleTag<>() {};
  static final TupleTag<KV<String, Long>> COUNTS = new TupleTag<>() {};

  private final long botDailyInteractions;
  private final int filesPerDay;
  private final String staging;

  public BuildRows(long botDailyInteractions, int filesPerDay, String staging) {
    this.botDailyInteractions = botDailyInteractions;
    this.filesPerDay = filesPerDay;
    this.staging = staging;
  }

  /** The group of a key: its day's bucket of the actor's id. */
  static int bucketOf(PairKey key) {
    return Math.floorMod(Long.hashCode(key.actorId()), BUCKETS);
  }

  @Override
  public PCollectionTuple expand(PCollection<StagedChunk> activity) {
    PCollectionTuple out = activity
        .apply("ByActorBucket", WithKeys.of((StagedChunk c) -> c.partition() + "#" + c.bucket())
            .withKeyType(TypeDescriptors.strings()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), StagedChunk.coder()))
        .apply("Group", GroupByKey.create())
        .apply("SumAndFlag", ParDo.of(new SumAndFlagFn(this))
            .withOutputTags(ROWS, TupleTagList.of(COUNTS)));
    out.get(ROWS).setCoder(StagedChunk.coder());
    out.get(COUNTS).setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
    return out;
  }

  /** One group's activities summed per key, each actor's events of the day summed for the volume rule. */
  static final class SumAndFlagFn extends DoFn<KV<String, Iterable<StagedChunk>>, StagedChunk> {
    /** Rows in key order: a day's file is the same bytes whichever runner and bundles made it. */
    private static final Comparator<PairKey> ORDER = Comparator.comparingLong(PairKey::actorId)
        .thenComparingLong(PairKey::repoId).thenComparing(PairKey::kind);

    private final long threshold;
    private final int filesPerDay;
    private final String staging;

    SumAndFlagFn(BuildRows settings) {
      this.threshold = settings.botDailyInteractions;
      this.filesPerDay = settings.filesPerDay;
      this.staging = settings.staging;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<StagedChunk>> group, MultiOutputReceiver out) throws IOException {
      Map<PairKey, PairActivity> rows = new HashMap<>();
      Map<Long, Long> perActor = new HashMap<>();
      StagedRecords.read(group.getValue(), ClassifyFn.ACTIVITY, kv -> {
        rows.merge(kv.getKey(), kv.getValue(), PairActivity::plus);
        perActor.merge(kv.getKey().actorId(), kv.getValue().events(), Long::sum);
      });
      RowCounts counts = new RowCounts();
      try (StagingWriter writer = new StagingWriter(staging)) {
        StagedRecords.Appender<InteractionRow> staged = new StagedRecords.Appender<>(writer, InteractionRow.Coder.of());
        for (PairKey key : rows.keySet().stream().sorted(ORDER).toList()) {
          InteractionRow row = InteractionRow.of(key, rows.get(key));
          row = perActor.get(key.actorId()) > threshold ? row.withVolume() : row;
          staged.append(key.day(), bucketOf(key) % filesPerDay, row);
          counts.add(row);
        }
        writer.finish().forEach(c -> out.get(ROWS).output(c));
      }
      counts.forEach((k, n) -> out.get(COUNTS).output(KV.of(k, n)));
    }
  }
}
