package dev.ghlake.sink;

import dev.ghlake.model.EventSchema;
import dev.ghlake.stage.RowFormat;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * Writes staged rows to Parquet as they are: each column straight from the row's bytes, no
 * record object between. The file's schema is {@link EventSchema} as parquet-avro converts it
 * (the same columns and types as an Avro writer gives), and the Avro schema is kept in the
 * file's metadata for Avro-based readers.
 */
final class StagedRowWriteSupport extends WriteSupport<StagedRowWriteSupport.Row> {
  static final MessageType SCHEMA = new AvroSchemaConverter().convert(EventSchema.SCHEMA);
  private RecordConsumer consumer;

  /** A staged row to write: its bytes and where its columns are in them. */
  static final class Row {
    byte[] bytes;
    boolean stable;
    final RowFormat.Reader fields = new RowFormat.Reader();

    /**
     * Points the row at encoded bytes (read at once); {@code stable} when the bytes stay put until
     * the file is written, so Parquet may keep references instead of copies.
     */
    Row read(byte[] row, int offset, int length, boolean stable) {
      this.bytes = row;
      this.stable = stable;
      fields.read(row, offset, length);
      return this;
    }
  }

  @Override
  public WriteContext init(Configuration configuration) {
    return new WriteContext(SCHEMA, Map.of("parquet.avro.schema", EventSchema.SCHEMA.toString(),
        "writer.model.name", "ghlake"));
  }

  @Override
  public void prepareForWrite(RecordConsumer recordConsumer) {
    this.consumer = recordConsumer;
  }

  @Override
  public void write(Row row) {
    RowFormat.Reader f = row.fields;
    consumer.startMessage();
    for (int i = 0; i < RowFormat.KINDS.length; i++) {
      if (!f.present(i)) {
        continue;
      }
      String name = RowFormat.FIELDS.get(i).name();
      consumer.startField(name, i);
      switch (RowFormat.KINDS[i]) {
        case STRING -> consumer.addBinary(row.stable
            ? Binary.fromConstantByteArray(row.bytes, f.offset(i), f.length(i))
            : Binary.fromReusedByteArray(row.bytes, f.offset(i), f.length(i)));
        case LONG -> consumer.addLong(f.longValue(i));
        case BOOLEAN -> consumer.addBoolean(f.longValue(i) != 0);
      }
      consumer.endField(name, i);
    }
    consumer.endMessage();
  }
}
