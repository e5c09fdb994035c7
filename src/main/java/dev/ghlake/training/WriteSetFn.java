package dev.ghlake.training;

import dev.ghlake.stage.StagedChunk;
import dev.ghlake.stage.StagedRecords;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * The set's files, each one file as recommenders read it, written in one pass over the staged
 * pairs and names: the pairs by their dense indices into the splits, then the index maps
 * {@code users.csv} and {@code items.csv}. Memory: the two sorted id arrays and one bucket of
 * repositories' names; the pairs stream from staging to the files.
 */
class WriteSetFn extends DoFn<Integer, Void> {
  private static final Comparator<StagedChunk> ORDER = Comparator.comparing(StagedChunk::partition)
      .thenComparingInt(StagedChunk::bucket).thenComparing(StagedChunk::path);

  private final ExportPlan plan;
  private final PCollectionView<List<StagedChunk>> chunks;
  private final PCollectionView<long[]> userIds;
  private final PCollectionView<long[]> itemIds;
  private final Counter train = Metrics.counter(ExportPipeline.class, "train_pairs");
  private final Counter test = Metrics.counter(ExportPipeline.class, "test_pairs");

  WriteSetFn(ExportPlan plan, PCollectionView<List<StagedChunk>> chunks, PCollectionView<long[]> userIds,
      PCollectionView<long[]> itemIds) {
    this.plan = plan;
    this.chunks = chunks;
    this.userIds = userIds;
    this.itemIds = itemIds;
  }

  @ProcessElement
  public void process(ProcessContext c) throws IOException {
    List<StagedChunk> all = new ArrayList<>(c.sideInput(chunks));
    all.sort(ORDER);
    long[] users = c.sideInput(userIds);
    long[] items = c.sideInput(itemIds);
    writePairs(of(all, WeighBucketFn.PAIRS), users, items);
    try (Writer w = SplitFiles.text(plan.path("users.csv"), "user,actor_id,login")) {
      StagedRecords.read(of(all, WeighBucketFn.USERS), WeighBucketFn.NAMED, u -> line(w, users, u.getKey(), u.getValue()));
    }
    try (Writer w = SplitFiles.text(plan.path("items.csv"), "item,repo_id,repo_name")) {
      writeItems(w, of(all, WeighBucketFn.ITEMS), items);
    }
  }

  private void writePairs(List<StagedChunk> pairs, long[] users, long[] items) throws IOException {
    try (SplitFiles trainFiles = SplitFiles.open(plan, "train");
        SplitFiles testFiles = plan.split() ? SplitFiles.open(plan, "test") : null) {
      StagedRecords.read(pairs, TrainingPair.coder(), p -> {
        IndexedPair indexed = new IndexedPair(p.test(), SortedIds.index(users, p.actorId()),
            SortedIds.index(items, p.repoId()), p.weight(), p.timestampSeconds());
        (p.test() ? testFiles : trainFiles).write(indexed);
        (p.test() ? test : train).inc();
      });
    }
  }

  /** A bucket of repositories at a time: each one's latest name across the user buckets that saw it. */
  private static void writeItems(Writer w, List<StagedChunk> chunks, long[] items) throws IOException {
    for (int from = 0; from < chunks.size(); ) {
      int bucket = chunks.get(from).bucket();
      int to = from;
      while (to < chunks.size() && chunks.get(to).bucket() == bucket) {
        to++;
      }
      Map<Long, KV<String, Long>> latest = new TreeMap<>();
      StagedRecords.read(chunks.subList(from, to), WeighBucketFn.NAMED,
          n -> latest.merge(n.getKey(), n.getValue(), WeighBucketFn::later));
      for (Map.Entry<Long, KV<String, Long>> e : latest.entrySet()) {
        line(w, items, e.getKey(), e.getValue());
      }
      from = to;
    }
  }

  private static void line(Writer w, long[] ids, long id, KV<String, Long> named) throws IOException {
    String name = named.getKey();
    w.write(SortedIds.index(ids, id) + "," + id + "," + (name == null ? "" : name) + "\n");
  }

  private static List<StagedChunk> of(List<StagedChunk> sorted, String kind) {
    return sorted.stream().filter(c -> c.partition().equals(kind)).toList();
  }
}
