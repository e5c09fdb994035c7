package dev.ghlake.interactions;

import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Each day's files ({@link #FILES}) and counts ({@link #COUNTS}) brought together, and the day
 * committed or refused ({@link CommitDayFn}).
 */
public class CommitDays extends PTransform<KeyedPCollectionTuple<String>, PCollection<DayVerdict>> {
  static final TupleTag<String> FILES = new TupleTag<>() {};
  static final TupleTag<KV<String, Long>> COUNTS = new TupleTag<>() {};

  private final InteractionsPlan plan;

  public CommitDays(InteractionsPlan plan) {
    this.plan = plan;
  }

  @Override
  public PCollection<DayVerdict> expand(KeyedPCollectionTuple<String> filesAndCounts) {
    return filesAndCounts
        .apply("ByDay", CoGroupByKey.create())
        .apply("Commit", ParDo.of(new CommitDayFn(plan)))
        .setCoder(org.apache.beam.sdk.coders.SerializableCoder.of(DayVerdict.class));
  }
}
