package dev.ghlake.training;

import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * A pair of the training set by its dense indices, in the shapes recommenders read: a CSV line
 * {@code user,item,weight,timestamp} (Spark ALS, Microsoft Recommenders), a RecBole atomic
 * {@code .inter} line, a Parquet record.
 */
public record IndexedPair(boolean test, int user, int item, double weight, long timestampSeconds) {
  public static final String CSV_HEADER = "user,item,weight,timestamp";
  /** RecBole's atomic file header: field:type, tab-separated. */
  public static final String INTER_HEADER = "user_id:token\titem_id:token\trating:float\ttimestamp:float";
  public static final Schema SCHEMA = SchemaBuilder.record("TrainingPair").namespace("dev.ghlake")
      .fields().requiredInt("user").requiredInt("item").requiredDouble("weight").requiredLong("timestamp")
      .endRecord();

  public String csv() {
    return user + "," + item + "," + String.format(Locale.ROOT, "%.6f", weight) + "," + timestampSeconds;
  }

  public String inter() {
    return user + "\t" + item + "\t" + String.format(Locale.ROOT, "%.6f", weight) + "\t" + timestampSeconds;
  }

  public GenericRecord record() {
    GenericRecord r = new GenericData.Record(SCHEMA);
    r.put("user", user);
    r.put("item", item);
    r.put("weight", weight);
    r.put("timestamp", timestampSeconds);
    return r;
  }
}
