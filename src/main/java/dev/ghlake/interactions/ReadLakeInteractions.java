package dev.ghlake.interactions;

import dev.ghlake.model.EventSchema;
import dev.ghlake.stage.StagedChunk;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * The events files a plan lists, read with only the columns the table needs (Parquet skips the
 * rest, the payload above all), classified: out come the staged activities' files
 * ({@link ClassifyFn#CHUNKS}) and every event counted by day ({@link ClassifyFn#COUNTS}).
 */
public class ReadLakeInteractions extends PTransform<PCollection<String>, PCollectionTuple> {
  private final String staging;

  /** @param staging the job's staging folder */
  public ReadLakeInteractions(String staging) {
    this.staging = staging;
  }

  /** The columns read: the cheap ones, no payload. */
  static final Schema COLUMNS = projection(List.of(EventSchema.TYPE, EventSchema.CREATED_AT,
      EventSchema.ACTOR_ID, EventSchema.ACTOR_LOGIN, EventSchema.REPO_ID, EventSchema.REPO_NAME,
      EventSchema.ACTION, EventSchema.PR_MERGED));

  @Override
  public PCollectionTuple expand(PCollection<String> files) {
    PCollectionTuple out = files
        // every listed file must be there: a file a manifest names and the lake lacks fails the run
        .apply("Match", FileIO.matchAll().withEmptyMatchTreatment(EmptyMatchTreatment.DISALLOW))
        .apply("Open", FileIO.readMatches())
        .apply("Classify", ParDo.of(new ClassifyFn(staging))
            .withOutputTags(ClassifyFn.CHUNKS, TupleTagList.of(ClassifyFn.COUNTS)));
    out.get(ClassifyFn.CHUNKS).setCoder(StagedChunk.coder());
    out.get(ClassifyFn.COUNTS).setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
    return out;
  }

  private static Schema projection(List<String> names) {
    Set<String> keep = Set.copyOf(names);
    List<Schema.Field> fields = EventSchema.SCHEMA.getFields().stream()
        .filter(f -> keep.contains(f.name()))
        .map(f -> new Schema.Field(f.name(), f.schema(), f.doc(), f.defaultVal()))
        .toList();
    return Schema.createRecord(EventSchema.SCHEMA.getName(), EventSchema.SCHEMA.getDoc(),
        EventSchema.SCHEMA.getNamespace(), false, fields);
  }
}
