package dev.ghlake.sink;

import dev.ghlake.model.Accounting;
import dev.ghlake.model.EventSchema;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.beam.sdk.transforms.Contextful;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Writes events, keyed by their file stem (see {@link AssignPartitionFiles}), as Parquet under
 * {@code <output>/events/dt=.../hour=.../part-NNNNN-of-MMMMM.parquet}.
 *
 * <p>Outputs (partition file stem, written file) for every file, for the run report.
 */
public class WriteParquetPartitions
    extends PTransform<PCollection<KV<String, GenericRecord>>, PCollection<KV<String, String>>> {
  private final SinkOptions options;

  private WriteParquetPartitions(SinkOptions options) {
    this.options = options;
  }

  public static WriteParquetPartitions to(SinkOptions options) {
    return new WriteParquetPartitions(options);
  }

  @Override
  public PCollection<KV<String, String>> expand(PCollection<KV<String, GenericRecord>> byFile) {
    return byFile
        .apply("CountWritten", ParDo.of(new CountWrittenFn()))
        .setCoder(byFile.getCoder())
        .apply("WriteParquet", FileIO.<String, KV<String, GenericRecord>>writeDynamic()
            .by(KV::getKey)
            .withDestinationCoder(StringUtf8Coder.of())
            .via(Contextful.fn((SerializableFunction<KV<String, GenericRecord>, GenericRecord>)
                KV::getValue), parquetSink())
            .to(eventsRoot(options.getOutput()))
            .withNaming(PartFileNaming::new)
            .withNumShards(1))
        .getPerDestinationOutputFilenames()
        .apply("RecordWrittenFiles", ParDo.of(new RecordWrittenFilesFn()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()));
  }

  /** Counts the rows handed to the Parquet writer: the run's {@code written}. */
  static class CountWrittenFn extends DoFn<KV<String, GenericRecord>, KV<String, GenericRecord>> {
    private final Counter written = Metrics.counter(Accounting.NAMESPACE, Accounting.WRITTEN);

    @ProcessElement
    public void process(@Element KV<String, GenericRecord> e,
        OutputReceiver<KV<String, GenericRecord>> out) {
      written.inc();
      out.output(e);
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
