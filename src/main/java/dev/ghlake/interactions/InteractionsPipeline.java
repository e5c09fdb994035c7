package dev.ghlake.interactions;

import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * The interactions table's pipeline, as its diagram (docs/interactions.md). Activities and rows
 * travel through staging files; grouped are their references:
 *
 * <pre>
 * EventsFiles → ReadLake ─ activity (staged) → BuildRows ─ rows (staged) → WriteTable ─┐
 *                  │                                └─ counts of the rows ─────────────┤
 *                  └─ counts of every event read ──────────────────────→ SumCounts ────┴→ CommitDays
 * </pre>
 */
public final class InteractionsPipeline {
  private InteractionsPipeline() {}

  public static void build(Pipeline pipeline, InteractionsPlan plan) {
    List<String> files = plan.days().stream().flatMap(d -> d.files().stream()).toList();
    PCollectionTuple read = pipeline
        .apply("EventsFiles", Create.of(files).withCoder(StringUtf8Coder.of()))
        .apply("ReadLake", new ReadLakeInteractions(plan.staging()));
    PCollectionTuple rows = read.get(ClassifyFn.CHUNKS)
        .apply("BuildRows", new BuildRows(plan.botDailyInteractions(), plan.filesPerDay(), plan.staging()));
    PCollection<KV<String, String>> written = rows.get(BuildRows.ROWS).apply("WriteTable", new WriteTable(plan));
    PCollection<KV<String, KV<String, Long>>> counts = PCollectionList.of(read.get(ClassifyFn.COUNTS))
        .and(rows.get(BuildRows.COUNTS))
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
