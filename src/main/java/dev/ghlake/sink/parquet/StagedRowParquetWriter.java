package dev.ghlake.sink.parquet;

import dev.ghlake.model.EventSchema;
import dev.ghlake.stage.RowFormat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Writes staged rows to one Parquet file, each column straight from the row's bytes into its
 * column writer. parquet-mr's record layer (a {@code WriteSupport} driving a {@code
 * RecordConsumer}, which tracks the fields of every record to fill in nulls) is left out: the
 * schema is flat, so a row is one value or null per column (column i of the schema is field i of
 * {@link RowFormat}). Row groups are cut as parquet-mr's {@code ParquetWriter} cuts them, so the
 * row groups are byte for byte the ones it writes (StagedRowParquetWriterTest checks against
 * parquet-avro's writer); the footer lists encodings in one order ({@link CanonicalFooter}).
 */
public final class StagedRowParquetWriter implements AutoCloseable {
  /**
   * {@link EventSchema} as parquet-avro converts it (the columns and types an Avro writer gives),
   * each column with its field id ({@link EventSchema#fieldId}).
   */
  static final MessageType SCHEMA = withFieldIds(new AvroSchemaConverter().convert(EventSchema.SCHEMA));
  private static final List<ColumnDescriptor> COLUMNS = SCHEMA.getColumns();
  /** The Avro schema in the footer, for Avro-based readers. */
  private static final Map<String, String> FOOTER = new TreeMap<>(Map.of( // in one order
      "parquet.avro.schema", EventSchema.SCHEMA.toString(), ParquetWriter.OBJECT_MODEL_NAME_PROP, "ghlake"));

  private final ParquetProperties props;
  private final StreamOutputFile out;
  private final ParquetFileWriter file;
  private final CodecFactory codecs;
  private final CodecFactory.BytesCompressor compressor;
  private final long rowGroupBytes;
  private final ColumnWriter[] writers = new ColumnWriter[COLUMNS.size()];
  private final int[] presentLevels = new int[COLUMNS.size()];
  private long nextRowGroupBytes;
  private long rows;
  private long nextSizeCheck;
  private int rowGroupOrdinal;
  private ColumnChunkPageWriteStore pages;
  private ColumnWriteStore columns;

  private static MessageType withFieldIds(MessageType columns) {
    List<Type> withIds = new ArrayList<>();
    for (int i = 0; i < columns.getFieldCount(); i++) {
      withIds.add(columns.getType(i).withId(EventSchema.fieldId(i)));
    }
    return new MessageType(columns.getName(), withIds);
  }

  public StagedRowParquetWriter(StreamOutputFile out, ParquetProperties props, CompressionCodecName codec,
      long rowGroupBytes) throws IOException {
    this.props = props;
    this.out = out;
    this.rowGroupBytes = rowGroupBytes;
    this.nextRowGroupBytes = rowGroupBytes;
    this.file = new ParquetFileWriter(out, SCHEMA, ParquetFileWriter.Mode.OVERWRITE, rowGroupBytes,
        ParquetWriter.MAX_PADDING_SIZE_DEFAULT, props.getColumnIndexTruncateLength(),
        props.getStatisticsTruncateLength(), props.getPageWriteChecksumEnabled());
    file.start();
    this.codecs = new CodecFactory(new Configuration(false), props.getPageSizeThreshold());
    this.compressor = codecs.getCompressor(codec);
    for (int i = 0; i < presentLevels.length; i++) {
      presentLevels[i] = COLUMNS.get(i).getMaxDefinitionLevel();
    }
    this.nextSizeCheck = props.getMinRowCountForPageSizeCheck();
    openRowGroup();
  }

  /** Writes one row: {@code fields} read from {@code bytes}; {@code stable} as in {@link #binary}. */
  public void write(byte[] bytes, RowFormat.Reader fields, boolean stable) throws IOException {
    for (int i = 0; i < writers.length; i++) {
      ColumnWriter w = writers[i];
      if (!fields.present(i)) {
        w.writeNull(0, 0);
        continue;
      }
      switch (RowFormat.KINDS[i]) {
        case STRING -> w.write(binary(bytes, fields.offset(i), fields.length(i), stable), 0, presentLevels[i]);
        case LONG -> w.write(fields.longValue(i), 0, presentLevels[i]);
        case BOOLEAN -> w.write(fields.longValue(i) != 0, 0, presentLevels[i]);
      }
    }
    columns.endRecord();
    rows++;
    if (rows >= nextSizeCheck) {
      checkRowGroupSize();
    }
  }

  /** Ends the last row group and writes the footer (encodings listed in one order). */
  @Override
  public void close() throws IOException {
    try {
      flushRowGroup();
      out.holdTail(CanonicalFooter::sortEncodings);
      file.end(FOOTER);
    } finally {
      codecs.release();
    }
  }

  /**
   * A string value: bytes that stay put until the file is written may be kept by reference (the
   * dictionary and statistics keep values); others are copied when kept.
   */
  private static Binary binary(byte[] bytes, int offset, int length, boolean stable) {
    return stable ? Binary.fromConstantByteArray(bytes, offset, length)
        : Binary.fromReusedByteArray(bytes, offset, length);
  }

  private void openRowGroup() {
    pages = new ColumnChunkPageWriteStore(compressor, SCHEMA, props.getAllocator(),
        props.getColumnIndexTruncateLength(), props.getPageWriteChecksumEnabled(), null, rowGroupOrdinal);
    columns = props.newColumnWriteStore(SCHEMA, pages, pages);
    for (int i = 0; i < writers.length; i++) {
      writers[i] = columns.getColumnWriter(COLUMNS.get(i));
    }
  }

  /**
   * parquet-mr's rule for cutting row groups: measure the buffered size now and then (it costs a
   * walk of every column), cut when within two rows of the target, else look again halfway there.
   */
  private void checkRowGroupSize() throws IOException {
    long buffered = columns.getBufferedSize();
    long rowBytes = buffered / rows;
    if (buffered > nextRowGroupBytes - 2 * rowBytes) {
      flushRowGroup();
      openRowGroup();
      // parquet-mr halves the row count after zeroing it: the next look is after the minimum
      nextSizeCheck = props.getMinRowCountForPageSizeCheck();
    } else {
      nextSizeCheck = Math.min(
          Math.max(props.getMinRowCountForPageSizeCheck(), (rows + (long) (nextRowGroupBytes / ((float) rowBytes))) / 2),
          rows + props.getMaxRowCountForPageSizeCheck());
    }
  }

  private void flushRowGroup() throws IOException {
    if (rows > 0) {
      rowGroupOrdinal++;
      file.startBlock(rows);
      columns.flush();
      pages.flushToFileWriter(file);
      file.endBlock();
      rows = 0;
      nextRowGroupBytes = Math.min(file.getNextRowGroupSize(), rowGroupBytes);
    }
    columns.close();
  }
}
