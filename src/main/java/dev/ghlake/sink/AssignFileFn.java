package dev.ghlake.sink;

import dev.ghlake.model.EventSchema;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * Picks the file of a partition an event goes to: a partition of {@code rows} rows gets {@code
 * ceil(rows / target)} files, and an event's file is fixed by its id, so re-runs agree.
 */
class AssignFileFn extends DoFn<KV<String, GenericRecord>, KV<String, GenericRecord>> {
  private final PCollectionView<Map<String, Long>> rowsPerPartition;
  private final long targetRowsPerFile;

  AssignFileFn(PCollectionView<Map<String, Long>> rowsPerPartition, long targetRowsPerFile) {
    this.rowsPerPartition = rowsPerPartition;
    this.targetRowsPerFile = Math.max(1, targetRowsPerFile);
  }

  @ProcessElement
  public void process(ProcessContext c) {
    String partition = c.element().getKey();
    long rows = c.sideInput(rowsPerPartition).getOrDefault(partition, 1L);
    int files = (int) Math.max(1, (rows + targetRowsPerFile - 1) / targetRowsPerFile);
    String id = c.element().getValue().get(EventSchema.EVENT_ID).toString();
    int file = Math.floorMod(id.hashCode(), files);
    c.output(KV.of(PartFileNaming.stem(partition, file, files), c.element().getValue()));
  }

  /** Keys each event by its partition folder. */
  static class KeyByPartitionFn extends DoFn<GenericRecord, KV<String, GenericRecord>> {
    private final SinkOptions.PartitionBy partitionBy;

    KeyByPartitionFn(SinkOptions.PartitionBy partitionBy) {
      this.partitionBy = partitionBy;
    }

    @ProcessElement
    public void process(@Element GenericRecord e, OutputReceiver<KV<String, GenericRecord>> out) {
      out.output(KV.of(PartitionPath.of((Long) e.get(EventSchema.CREATED_AT), partitionBy), e));
    }
  }
}
