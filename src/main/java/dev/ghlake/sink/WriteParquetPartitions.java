package dev.ghlake.sink;

import dev.ghlake.accounting.Ledger;
import dev.ghlake.accounting.Tallies;
import dev.ghlake.accounting.TallyingDoFn;
import dev.ghlake.accounting.Tally;
import dev.ghlake.model.Accounting;
import dev.ghlake.model.EventSchema;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.beam.sdk.transforms.Contextful;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Writes events, keyed by their file stem (see {@link AssignPartitionFiles}), as Parquet under
 * {@code <output>/events/dt=.../hour=.../part-NNNNN-of-MMMMM-<run>.parquet}. Nothing is replaced
 * here: {@link CommitPartitions} makes the new files the partition's content.
 *
 * <p>Outputs (partition file stem, written file) for every file, for the run report.
 */
public class WriteParquetPartitions
    extends PTransform<PCollection<KV<String, GenericRecord>>, PCollection<KV<String, String>>> {
  private static final TupleTag<KV<String, GenericRecord>> ROWS = new TupleTag<>("rows") {};

  private final SinkOptions options;
  private final String runId;
  private final transient Ledger ledger;

  private WriteParquetPartitions(SinkOptions options, String runId, Ledger ledger) {
    this.options = options;
    this.runId = runId;
    this.ledger = ledger;
  }

  /** Files are named for the run, so a new version never overwrites the one readers see. */
  public static WriteParquetPartitions to(SinkOptions options, String runId, Ledger ledger) {
    if (options.getRowGroupMB() < 1 || options.getRowGroupMB() > 1024) {
      throw new IllegalArgumentException("--rowGroupMB must be between 1 and 1024");
    }
    return new WriteParquetPartitions(options, runId, ledger);
  }

  @Override
  public PCollection<KV<String, String>> expand(PCollection<KV<String, GenericRecord>> byFile) {
    String run = runId; // lambdas below must not capture this transform (it holds the options)
    PCollectionTuple counted = byFile.apply("CountWritten", ParDo.of(new CountWrittenFn())
        .withOutputTags(ROWS, TupleTagList.of(Tallies.TAG)));
    ledger.recordTallies(counted.get(Tallies.TAG));
    return counted.get(ROWS)
        .setCoder(byFile.getCoder())
        .apply("WriteParquet", FileIO.<String, KV<String, GenericRecord>>writeDynamic()
            .by(KV::getKey)
            .withDestinationCoder(StringUtf8Coder.of())
            .via(Contextful.fn((SerializableFunction<KV<String, GenericRecord>, GenericRecord>)
                KV::getValue), parquetSink())
            .to(eventsRoot(options.getOutput()))
            .withNaming(stem -> new PartFileNaming(stem, run))
            .withNumShards(1))
        .getPerDestinationOutputFilenames();
  }

  /** Counts the rows handed to the Parquet writer: the run's {@code written}, and each file's rows. */
  static class CountWrittenFn extends TallyingDoFn<KV<String, GenericRecord>, KV<String, GenericRecord>> {
    private final Counter written = Metrics.counter(Accounting.NAMESPACE, Accounting.WRITTEN);
    // rows come grouped by file and sorted by time: hour and file repeat, so keep the last ones
    private transient long hourBucket = Long.MIN_VALUE;
    private transient String hour;
    private transient String stem;
    private transient String fileRowsKey;

    @ProcessElement
    public void process(@Element KV<String, GenericRecord> e, MultiOutputReceiver out) {
      written.inc();
      GenericRecord event = e.getValue();
      long micros = (Long) event.get(EventSchema.CREATED_AT);
      if (Math.floorDiv(micros, 3_600_000_000L) != hourBucket) {
        hourBucket = Math.floorDiv(micros, 3_600_000_000L);
        hour = Tally.hourOf(micros);
      }
      if (!e.getKey().equals(stem)) {
        stem = e.getKey();
        fileRowsKey = Tally.key(Tally.Kind.FILE_ROWS, stem, "", "");
      }
      tallies().add(Tally.Kind.WRITTEN, event.get(EventSchema.TYPE).toString(), hour,
          String.valueOf(event.get(EventSchema.SOURCE_FILE)));
      tallies().add(fileRowsKey, 1);
      out.get(ROWS).output(e);
    }
  }

  private ParquetIO.Sink parquetSink() {
    return ParquetIO.sink(EventSchema.SCHEMA)
        .withCompressionCodec(codec(options.getCompression()))
        .withRowGroupSize(options.getRowGroupMB() * 1024 * 1024);
  }

  /** Where event files go inside the lake. */
  public static String eventsRoot(String output) {
    return (output.endsWith("/") ? output : output + "/") + "events";
  }

  static CompressionCodecName codec(SinkOptions.Codec codec) {
    return switch (codec) {
      case zstd -> CompressionCodecName.ZSTD;
      case snappy -> CompressionCodecName.SNAPPY;
      case gzip -> CompressionCodecName.GZIP;
      case uncompressed -> CompressionCodecName.UNCOMPRESSED;
    };
  }
}
