package dev.ghlake.interactions;

import dev.ghlake.stage.StagedChunk;
import dev.ghlake.stage.StagedRecords;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.util.MimeTypes;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * The staged rows as Parquet, a folder per day, named for the run
 * ({@code dt=<day>/part-<run>-00000-of-00001.parquet}): beside the day's current files, never over
 * them. Each file is written whole in the run's temporary folder and moved in when complete; out
 * come (day, file), and the commit makes them the day's.
 */
public class WriteTable extends PTransform<PCollection<StagedChunk>, PCollection<KV<String, String>>> {
  private final InteractionsPlan plan;

  public WriteTable(InteractionsPlan plan) {
    this.plan = plan;
  }

  @Override
  public PCollection<KV<String, String>> expand(PCollection<StagedChunk> rows) {
    return rows
        .apply("ByDayFile", WithKeys.of((StagedChunk c) -> c.partition() + "#" + c.bucket())
            .withKeyType(TypeDescriptors.strings()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), StagedChunk.coder()))
        .apply("GroupFiles", GroupByKey.create())
        .apply("Parquet", ParDo.of(new WriteFileFn(plan)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()));
  }

  /** One file of a day from its rows' chunks, in bucket order (each bucket's rows are in key order). */
  static final class WriteFileFn extends DoFn<KV<String, Iterable<StagedChunk>>, KV<String, String>> {
    private static final Comparator<StagedChunk> ORDER = Comparator.comparingInt(StagedChunk::bucket)
        .thenComparing(StagedChunk::path);

    private final InteractionsPlan plan;

    WriteFileFn(InteractionsPlan plan) {
      this.plan = plan;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<StagedChunk>> file, OutputReceiver<KV<String, String>> out)
        throws IOException {
      List<StagedChunk> chunks = new ArrayList<>();
      file.getValue().forEach(chunks::add);
      chunks.sort(ORDER);
      String day = chunks.get(0).partition();
      String name = String.format("part-%s-%05d-of-%05d.parquet", plan.runId(), chunks.get(0).bucket(), plan.filesPerDay());
      ResourceId temporary = FileSystems.matchNewResource(plan.temporaryFolder() + "/dt=" + day + "-" + name, false);
      ParquetIO.Sink sink = ParquetIO.sink(InteractionSchema.SCHEMA).withCompressionCodec(CompressionCodecName.ZSTD);
      sink.open(FileSystems.create(temporary, MimeTypes.BINARY));
      StagedRecords.read(chunks, InteractionRow.Coder.of(), row -> sink.write(row.toRecord()));
      sink.flush(); // parquet-mr finishes a file (its footer) only when its writer closes
      String target = plan.dayFolder(day) + name;
      FileSystems.rename(List.of(temporary), List.of(FileSystems.matchNewResource(target, false)));
      out.output(KV.of(day, target));
    }
  }
}
