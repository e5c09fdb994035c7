package dev.ghlake.sink;

import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Keys;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * Keys each event by the Parquet file it belongs in ({@code dt=.../hour=.../part-00000-of-00002}):
 * its partition, split into {@code ceil(rows / targetRowsPerFile)} files by event id, so copies
 * of one event always meet in the same file.
 */
public class AssignPartitionFiles
    extends PTransform<PCollection<GenericRecord>, PCollection<KV<String, GenericRecord>>> {
  private final SinkOptions options;

  private AssignPartitionFiles(SinkOptions options) {
    this.options = options;
  }

  public static AssignPartitionFiles of(SinkOptions options) {
    if (options.getTargetRowsPerFile() < 1) {
      throw new IllegalArgumentException(
          "--targetRowsPerFile must be at least 1 (got " + options.getTargetRowsPerFile() + ")");
    }
    return new AssignPartitionFiles(options);
  }

  @Override
  public PCollection<KV<String, GenericRecord>> expand(PCollection<GenericRecord> events) {
    KvCoder<String, GenericRecord> keyed = KvCoder.of(StringUtf8Coder.of(), events.getCoder());
    PCollection<KV<String, GenericRecord>> byPartition = events
        .apply("KeyByPartition", ParDo.of(new AssignFileFn.KeyByPartitionFn(options.getPartitionBy())))
        .setCoder(keyed);
    PCollectionView<Map<String, Long>> rowsPerPartition = byPartition
        .apply("Partitions", Keys.create())
        .apply("CountRows", Count.perElement())
        .apply("AsMap", View.asMap());
    return byPartition
        .apply("KeyByFile", ParDo.of(
            new AssignFileFn(rowsPerPartition, options.getTargetRowsPerFile()))
            .withSideInputs(rowsPerPartition))
        .setCoder(keyed);
  }
}
