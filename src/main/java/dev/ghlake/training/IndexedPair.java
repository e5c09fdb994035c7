package dev.ghlake.training;

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
    return user + "," + item + "," + sixDecimals(weight) + "," + timestampSeconds;
  }

  public String inter() {
    return user + "\t" + item + "\t" + sixDecimals(weight) + "\t" + timestampSeconds;
  }

  /**
   * A weight (0 or more) with six decimals, as {@code %.6f} writes it but without a Formatter per
   * line: formatting was a tenth of writing a set.
   */
  static String sixDecimals(double weight) {
    long micro = Math.round(weight * 1_000_000d);
    String fraction = Long.toString(micro % 1_000_000);
    return micro / 1_000_000 + "." + "000000".substring(fraction.length()) + fraction;
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
