package dev.ghlake.compare;

import dev.ghlake.model.EventSchema;
import dev.ghlake.model.LakePaths;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;

/** Reads every event of a lake's committed Parquet files, as (event_id, the row as JSON). */
public class ReadLakeEvents extends PTransform<PBegin, PCollection<KV<String, String>>> {
  private final String lake;

  public ReadLakeEvents(String lake) {
    this.lake = lake;
  }

  @Override
  public PCollection<KV<String, String>> expand(PBegin begin) {
    return begin
        .apply("Match", FileIO.match().filepattern(LakePaths.of(lake).events() + "/**.parquet")
            .withEmptyMatchTreatment(EmptyMatchTreatment.ALLOW))
        .apply("Open", FileIO.readMatches())
        .apply("Read", ParquetIO.readFiles(EventSchema.SCHEMA))
        .apply("ById", MapElements
            .into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()))
            .via((GenericRecord r) -> KV.of(String.valueOf(r.get(EventSchema.EVENT_ID)), r.toString())))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()));
  }
}
