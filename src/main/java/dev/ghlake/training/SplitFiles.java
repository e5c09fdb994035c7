package dev.ghlake.training;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.beam.sdk.util.MimeTypes;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * One split of the set in its three shapes, written as its pairs stream by: {@code <split>.csv},
 * {@code ghlake.<split>.inter} (RecBole), {@code <split>.parquet}. A split without pairs still
 * gets its files, headers only: readers find an empty set, not no file.
 */
final class SplitFiles implements Closeable {
  private final Writer csv;
  private final Writer inter;
  private final ParquetIO.Sink parquet;

  private SplitFiles(Writer csv, Writer inter, ParquetIO.Sink parquet) {
    this.csv = csv;
    this.inter = inter;
    this.parquet = parquet;
  }

  static SplitFiles open(ExportPlan plan, String split) throws IOException {
    ParquetIO.Sink parquet = ParquetIO.sink(IndexedPair.SCHEMA).withCompressionCodec(CompressionCodecName.ZSTD);
    parquet.open(FileSystems.create(FileSystems.matchNewResource(plan.path(split + ".parquet"), false), MimeTypes.BINARY));
    return new SplitFiles(text(plan.path(split + ".csv"), IndexedPair.CSV_HEADER),
        text(plan.path("ghlake." + split + ".inter"), IndexedPair.INTER_HEADER), parquet);
  }

  /** A text file of the set, its header written. */
  static Writer text(String path, String header) throws IOException {
    Writer w = new BufferedWriter(Channels.newWriter(
        FileSystems.create(FileSystems.matchNewResource(path, false), "text/plain"), StandardCharsets.UTF_8), 1 << 16);
    w.write(header);
    w.write('\n');
    return w;
  }

  void write(IndexedPair p) throws IOException {
    csv.write(p.csv());
    csv.write('\n');
    inter.write(p.inter());
    inter.write('\n');
    parquet.write(p.record());
  }

  @Override
  public void close() throws IOException {
    try (Writer c = csv; Writer i = inter) {
      parquet.flush(); // parquet-mr's writer finishes its file (footer and all) only when closed
    }
  }
}
