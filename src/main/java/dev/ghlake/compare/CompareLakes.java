package dev.ghlake.compare;

import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Joins two lakes event by event and emits each difference as a JSON line: events only one side
 * has, and columns whose values differ. Events are grouped into hash buckets of their ids, not one
 * group per id: the DirectRunner pays dearly per key.
 */
public class CompareLakes extends PTransform<PBegin, PCollection<String>> {
  static final int BUCKETS = 256;
  private final String left;
  private final String right;
  private final String leftName;
  private final String rightName;

  /** Compares lake {@code left} (called leftName in the report) with {@code right}. */
  public CompareLakes(String leftName, String left, String rightName, String right) {
    this.left = left;
    this.right = right;
    this.leftName = leftName;
    this.rightName = rightName;
  }

  @Override
  public PCollection<String> expand(PBegin begin) {
    TupleTag<KV<String, String>> l = new TupleTag<>();
    TupleTag<KV<String, String>> r = new TupleTag<>();
    PCollection<KV<Integer, CoGbkResult>> joined = KeyedPCollectionTuple
        .of(l, begin.apply("Read " + leftName, new ReadLakeEvents(left)).apply("Bucket " + leftName, Buckets.of()))
        .and(r, begin.apply("Read " + rightName, new ReadLakeEvents(right)).apply("Bucket " + rightName, Buckets.of()))
        .apply("Join", CoGroupByKey.create());
    return joined.apply("Compare", ParDo.of(new CompareBucketFn(l, r, leftName, rightName)));
  }
}
