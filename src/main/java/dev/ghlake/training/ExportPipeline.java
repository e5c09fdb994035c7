package dev.ghlake.training;

import dev.ghlake.stage.StagedChunk;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VoidCoder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * The export's pipeline, as its diagram (docs/interactions.md). Rows, pairs and names travel
 * through staging files; the pipeline's elements are the files' references and the sorted ids:
 *
 * <pre>
 * TableFiles → StageRows ─ rows by user bucket → GroupUsers → Weigh ─ pairs, users, items (staged) ─┐
 *                                                              ├─ user ids → SortedIds ─────────────┤
 *                                                              └─ item ids → SortedIds ─────────────┴→ WriteSet
 * </pre>
 */
public final class ExportPipeline {
  private ExportPipeline() {}

  public static void build(Pipeline pipeline, ExportPlan plan) {
    PCollectionTuple weighed = pipeline
        .apply("TableFiles", Create.of(plan.files()).withCoder(StringUtf8Coder.of()))
        .apply("Match", FileIO.matchAll().withEmptyMatchTreatment(EmptyMatchTreatment.DISALLOW))
        .apply("Open", FileIO.readMatches())
        .apply("StageRows", ParDo.of(new StageTableFn(plan)))
        .setCoder(StagedChunk.coder())
        .apply("ByUserBucket", WithKeys.of(StagedChunk::bucket).withKeyType(TypeDescriptors.integers()))
        .setCoder(KvCoder.of(VarIntCoder.of(), StagedChunk.coder()))
        .apply("GroupUsers", GroupByKey.create())
        .apply("Weigh", ParDo.of(new WeighBucketFn(plan)).withOutputTags(WeighBucketFn.CHUNKS,
            TupleTagList.of(WeighBucketFn.USER_IDS).and(WeighBucketFn.ITEM_IDS)));
    PCollectionView<List<StagedChunk>> chunks = weighed.get(WeighBucketFn.CHUNKS)
        .setCoder(StagedChunk.coder())
        .apply("Staged", View.asList());
    PCollectionView<long[]> users = ids(weighed, WeighBucketFn.USER_IDS, "User");
    PCollectionView<long[]> items = ids(weighed, WeighBucketFn.ITEM_IDS, "Item");
    pipeline.apply("Once", Create.of(0))
        .apply("WriteSet", ParDo.of(new WriteSetFn(plan, chunks, users, items)).withSideInputs(chunks, users, items))
        .setCoder(VoidCoder.of());
  }

  private static PCollectionView<long[]> ids(PCollectionTuple weighed, TupleTag<long[]> tag, String what) {
    return weighed.get(tag).setCoder(new SortedIds.ArrayCoder())
        .apply(what + "Ids", Combine.globally(new SortedIds()).asSingletonView());
  }
}
