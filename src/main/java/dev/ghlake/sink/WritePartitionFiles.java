package dev.ghlake.sink;

import dev.ghlake.accounting.Tallies;
import dev.ghlake.accounting.TallyingDoFn;
import dev.ghlake.commit.PendingFiles;
import dev.ghlake.commit.Written;
import dev.ghlake.commit.WrittenFile;
import dev.ghlake.model.Counters;
import dev.ghlake.sink.sort.SpillFolders;
import dev.ghlake.stage.StagedChunk;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Writes each partition's Parquet files from its staging chunks: only chunk references are
 * grouped (by partition), each partition is cut into ceil(rows / target) files by id range, and
 * each file is built by one worker from the chunks that can hold its rows. Nothing is replaced
 * here: {@link dev.ghlake.commit.CommitPartitions} makes the new files the partition's content.
 */
public class WritePartitionFiles extends PTransform<PCollection<StagedChunk>, Written> {
  private final FilePlan plan;

  private WritePartitionFiles(FilePlan plan) {
    this.plan = plan;
  }

  public static WritePartitionFiles with(FilePlan plan) {
    return new WritePartitionFiles(plan);
  }

  @Override
  public Written expand(PCollection<StagedChunk> chunks) {
    return new Written(chunks
        .apply("ByPartition", WithKeys.of(StagedChunk::partition).withKeyType(TypeDescriptors.strings()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), StagedChunk.coder()))
        .apply("GroupChunks", GroupByKey.create())
        .apply("PlanFiles", ParDo.of(new PlanFilesFn(plan)))
        .setCoder(FileTask.coder())
        .apply("SpreadFiles", Reshuffle.viaRandomKey())
        .apply("BuildFiles", ParDo.of(new BuildFileFn(plan))
            .withOutputTags(Written.FILES, TupleTagList.of(Tallies.TAG))));
  }

  /** Cuts a partition into files, marks them pending in the lake, and makes one task per file. */
  static class PlanFilesFn extends DoFn<KV<String, Iterable<StagedChunk>>, FileTask> {
    private final FilePlan plan;

    PlanFilesFn(FilePlan plan) {
      this.plan = plan;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<StagedChunk>> partition,
        OutputReceiver<FileTask> out) throws IOException {
      List<StagedChunk> chunks = new ArrayList<>();
      partition.getValue().forEach(chunks::add);
      chunks.sort(Comparator.comparingInt(StagedChunk::bucket).thenComparing(StagedChunk::path));
      int files = plan.filesFor(chunks.stream().mapToLong(StagedChunk::rows).sum());
      List<FileTask> tasks = new ArrayList<>();
      for (int f = 0; f < files; f++) {
        int file = f;
        tasks.add(new FileTask(partition.getKey(), f, files, chunks.stream()
            .filter(c -> FileTask.overlaps(file, files, c.bucket(), plan.buckets())).toList()));
      }
      PendingFiles.mark(plan.pendingRoot(), partition.getKey(),
          tasks.stream().map(t -> t.fileName(plan.runId())).toList());
      tasks.forEach(out::output);
    }
  }

  /** Builds one file. */
  static class BuildFileFn extends TallyingDoFn<FileTask, WrittenFile> {
    private final FilePlan plan;
    private final Counter rows = Metrics.counter(Counters.NAMESPACE, Counters.WRITTEN);
    private final Counter files = Metrics.counter(Counters.NAMESPACE, Counters.FILES_WRITTEN);
    private transient PartitionFileBuilder builder;
    private transient Path spill;

    BuildFileFn(FilePlan plan) {
      this.plan = plan;
    }

    @Setup
    public void setup() throws IOException {
      // about one file is built per core at once: together they keep rows in a sixteenth of the
      // heap (beyond it rows wait in sorted runs on local disk); the rest is left to their Parquet
      // writers and the runner. A larger share only makes the heap grow: measured in
      // docs/benchmarks.md (a modern day in a 1 GiB heap: 32 MiB a worker peaks 55-60 MiB lower
      // than 64 and runs faster, 54-55 s against 62 s; 64 MiB was 90-150 MiB under 128)
      Runtime jvm = Runtime.getRuntime();
      long budget = jvm.maxMemory() / (16L * jvm.availableProcessors());
      spill = SpillFolders.create(SpillFolders.root(), plan.runId());
      builder = new PartitionFileBuilder(plan, budget, spill);
    }

    @Teardown
    public void teardown() throws IOException {
      if (builder != null) {
        builder.close();
      }
      if (spill != null) {
        SpillFolders.delete(spill);
      }
    }

    @ProcessElement
    public void process(@Element FileTask task, MultiOutputReceiver out) throws IOException {
      WrittenFile file = builder.build(task, tallies());
      if (file != null) {
        rows.inc(file.rows());
        files.inc();
        out.get(Written.FILES).output(file);
      }
    }
  }
}
