package dev.ghlake.training;

import dev.ghlake.interactions.InteractionSchema;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Contextful;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.Keys;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * The export's pipeline, as its diagram (docs/interactions.md):
 *
 * <pre>
 * TableFiles → ReadTable → ByUserBucket → Weigh ─ pairs ──────────────→ Index → train/test (CSV, Parquet, .inter)
 *                                           ├─ users → SortedIds ──────↗   ↘ users.csv
 *                                           └─ items → LatestName → SortedIds ↗ ↘ items.csv
 * </pre>
 */
public final class ExportPipeline {
  private ExportPipeline() {}

  public static void build(Pipeline pipeline, ExportPlan plan) {
    PCollectionTuple weighed = pipeline
        .apply("TableFiles", Create.of(plan.files()).withCoder(StringUtf8Coder.of()))
        .apply("Match", FileIO.matchAll().withEmptyMatchTreatment(EmptyMatchTreatment.DISALLOW))
        .apply("Open", FileIO.readMatches())
        .apply("ReadTable", ParquetIO.readFiles(InteractionSchema.SCHEMA))
        .apply("ByUserBucket", ParDo.of(new ToContributionFn(plan.keepBots())))
        .setCoder(KvCoder.of(VarIntCoder.of(), Contribution.Coder.of()))
        .apply("GroupUsers", GroupByKey.create())
        .apply("Weigh", ParDo.of(new WeighPairsFn(plan))
            .withOutputTags(WeighPairsFn.PAIRS, TupleTagList.of(WeighPairsFn.USERS).and(WeighPairsFn.ITEMS)));
    PCollection<KV<Long, String>> users = weighed.get(WeighPairsFn.USERS)
        .setCoder(KvCoder.of(VarLongCoder.of(), StringUtf8Coder.of()));
    PCollection<KV<Long, String>> items = weighed.get(WeighPairsFn.ITEMS)
        .setCoder(KvCoder.of(VarLongCoder.of(), KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of())))
        .apply("ByItemBucket", MapElements
            .into(TypeDescriptors.kvs(TypeDescriptors.integers(), new TypeDescriptor<KV<Long, KV<String, Long>>>() {}))
            .via(kv -> KV.of(Math.floorMod(Long.hashCode(kv.getKey()), LatestNameFn.BUCKETS), kv)))
        .setCoder(KvCoder.of(VarIntCoder.of(), KvCoder.of(VarLongCoder.of(),
            KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()))))
        .apply("GroupItems", GroupByKey.create())
        .apply("LatestName", ParDo.of(new LatestNameFn()))
        .setCoder(KvCoder.of(VarLongCoder.of(), StringUtf8Coder.of()));
    PCollectionView<long[]> userIds = ids("User", users);
    PCollectionView<long[]> itemIds = ids("Item", items);
    PCollection<IndexedPair> indexed = weighed.get(WeighPairsFn.PAIRS).setCoder(TrainingPair.Coder.of())
        .apply("Index", ParDo.of(new IndexFn(userIds, itemIds)).withSideInputs(userIds, itemIds))
        .setCoder(IndexedPair.Coder.of());
    write(plan, indexed, false);
    if (plan.split()) {
      write(plan, indexed, true);
    }
    map(plan, "users", "user,actor_id,login", users, userIds);
    map(plan, "items", "item,repo_id,repo_name", items, itemIds);
  }

  private static PCollectionView<long[]> ids(String what, PCollection<KV<Long, String>> named) {
    return named.apply(what + "Ids", Keys.create())
        .apply(what + "Sorted", Combine.globally(new SortedIds()).asSingletonView());
  }

  /** One split in the three shapes, each one file. */
  private static void write(ExportPlan plan, PCollection<IndexedPair> all, boolean test) {
    String split = test ? "test" : "train";
    PCollection<IndexedPair> pairs = all.apply(split + "Only", Filter.by(p -> p.test() == test));
    pairs.apply(split + "Csv", MapElements.into(TypeDescriptors.strings()).via(IndexedPair::csv))
        .apply(split + "CsvFile", TextIO.write().to(plan.path(split)).withSuffix(".csv")
            .withHeader(IndexedPair.CSV_HEADER).withoutSharding());
    pairs.apply(split + "Inter", MapElements.into(TypeDescriptors.strings()).via(IndexedPair::inter))
        .apply(split + "InterFile", TextIO.write().to(plan.path("ghlake." + split)).withSuffix(".inter")
            .withHeader(IndexedPair.INTER_HEADER).withoutSharding());
    pairs.apply(split + "Parquet", FileIO.<IndexedPair>write()
        .via(Contextful.fn(IndexedPair::record),
            ParquetIO.sink(IndexedPair.SCHEMA).withCompressionCodec(CompressionCodecName.ZSTD))
        .to(plan.folder())
        .withNaming((window, pane, shards, shard, compression) -> split + ".parquet")
        .withNumShards(1));
  }

  private static void map(ExportPlan plan, String name, String header, PCollection<KV<Long, String>> named,
      PCollectionView<long[]> ids) {
    named.apply(name + "Lines", ParDo.of(new IndexMapFn(ids)).withSideInputs(ids))
        .setCoder(StringUtf8Coder.of())
        .apply(name + "File", TextIO.write().to(plan.path(name)).withSuffix(".csv").withHeader(header)
            .withoutSharding());
  }
}
