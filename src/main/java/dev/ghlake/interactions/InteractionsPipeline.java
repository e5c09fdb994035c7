package dev.ghlake.interactions;

import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * The interactions table's pipeline, as its diagram (docs/interactions.md):
 *
 * <pre>
 * EventsFiles → ReadLake → BuildRows → WriteTable ─┐
 *                  │            └──── CountRows ─┤
 *                  └─ counts of every event read ┴→ SumCounts → CommitDays
 * </pre>
 */
public final class InteractionsPipeline {
  private InteractionsPipeline() {}

  public static void build(Pipeline pipeline, InteractionsPlan plan) {
    List<String> files = plan.days().stream().flatMap(d -> d.files().stream()).toList();
    PCollectionTuple read = pipeline
        .apply("EventsFiles", Create.of(files).withCoder(StringUtf8Coder.of()))
        .apply("ReadLake", new ReadLakeInteractions());
    PCollection<InteractionRow> rows = read.get(ClassifyFn.ACTIVITY)
        .apply("BuildRows", new BuildRows(plan.botDailyInteractions()));
    PCollection<KV<String, String>> written = rows
        .apply("WriteTable", new WriteTable(plan.tableRoot(), plan.temporaryFolder(), plan.runId(), plan.filesPerDay()));
    PCollection<KV<String, Long>> tableCounts = rows.apply("CountRows", ParDo.of(new RowCountsFn()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
    PCollection<KV<String, KV<String, Long>>> counts = PCollectionList.of(read.get(ClassifyFn.COUNTS))
        .and(tableCounts)
        .apply("AllCounts", Flatten.pCollections())
        .apply("SumCounts", Sum.longsPerKey())
        .apply("ByDay", MapElements
            .into(TypeDescriptors.kvs(TypeDescriptors.strings(),
                TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.longs())))
            .via(DayCounts::byDay));
    KeyedPCollectionTuple.of(CommitDays.FILES, written).and(CommitDays.COUNTS, counts)
        .apply("CommitDays", new CommitDays(plan));
  }
}
