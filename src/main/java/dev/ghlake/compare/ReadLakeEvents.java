package dev.ghlake.compare;

import dev.ghlake.commit.PartitionManifest;
import dev.ghlake.model.EventSchema;
import dev.ghlake.model.LakePaths;
import java.io.IOException;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Reads every event of a lake's committed Parquet files, as (event_id, the row as JSON). Committed
 * means listed by a partition's manifest, never a glob of the folders: a file no manifest lists
 * (a run killed while writing, or between its commit and its clean-up) would be read as events
 * the lake does not hold.
 */
public class ReadLakeEvents extends PTransform<PBegin, PCollection<KV<String, String>>> {
  private final String lake;

  public ReadLakeEvents(String lake) {
    this.lake = lake;
  }

  @Override
  public PCollection<KV<String, String>> expand(PBegin begin) {
    LakePaths paths = LakePaths.of(lake);
    return begin
        .apply("Manifests", Create.of(paths.partition("dt=*/" + PartitionManifest.NAME),
            paths.partition("dt=*/hour=*/" + PartitionManifest.NAME)))
        .apply("MatchManifests", FileIO.matchAll().withEmptyMatchTreatment(EmptyMatchTreatment.ALLOW))
        .apply("OpenManifests", FileIO.readMatches())
        .apply("ListedFiles", ParDo.of(new ListedFilesFn()))
        .apply("MatchFiles", FileIO.matchAll()) // a listed file that is gone fails the read
        .apply("Open", FileIO.readMatches())
        .apply("Read", ParquetIO.readFiles(EventSchema.SCHEMA))
        .apply("ById", MapElements
            .into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()))
            .via((GenericRecord r) -> KV.of(String.valueOf(r.get(EventSchema.EVENT_ID)), r.toString())))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()));
  }

  /** A manifest's data files, as paths beside it. */
  static class ListedFilesFn extends DoFn<FileIO.ReadableFile, String> {
    @ProcessElement
    public void process(@Element FileIO.ReadableFile manifest, OutputReceiver<String> out) throws IOException {
      ResourceId folder = manifest.getMetadata().resourceId().getCurrentDirectory();
      for (String name : PartitionManifest.fileNames(manifest.readFullyAsUTF8String())) {
        out.output(folder.resolve(name, StandardResolveOptions.RESOLVE_FILE).toString());
      }
    }
  }
}
