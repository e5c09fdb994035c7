package dev.ghlake.interactions;

import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.beam.sdk.transforms.Contextful;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * The rows as Parquet, a folder per day, named for the run ({@code dt=<day>/part-<run>-00000-of-00001.parquet}):
 * beside the day's current files, never over them. Out come (day, file) once each file is
 * complete; the commit makes them the day's.
 */
public class WriteTable extends PTransform<PCollection<InteractionRow>, PCollection<KV<String, String>>> {
  private final String tableRoot;
  private final String temporaryFolder;
  private final String runId;
  private final int filesPerDay;

  public WriteTable(String tableRoot, String temporaryFolder, String runId, int filesPerDay) {
    this.tableRoot = tableRoot;
    this.temporaryFolder = temporaryFolder;
    this.runId = runId;
    this.filesPerDay = filesPerDay;
  }

  @Override
  public PCollection<KV<String, String>> expand(PCollection<InteractionRow> rows) {
    String run = runId;
    return rows
        .apply("Parquet", FileIO.<String, InteractionRow>writeDynamic()
            .by(r -> r.key().day())
            .withDestinationCoder(StringUtf8Coder.of())
            .via(Contextful.fn(InteractionRow::toRecord),
                ParquetIO.sink(InteractionSchema.SCHEMA).withCompressionCodec(CompressionCodecName.ZSTD))
            .to(tableRoot)
            .withTempDirectory(temporaryFolder)
            .withNaming(day -> FileIO.Write.defaultNaming("dt=" + day + "/part-" + run, ".parquet"))
            .withNumShards(filesPerDay))
        .getPerDestinationOutputFilenames();
  }
}
