package dev.ghlake.sink.parquet;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.ghlake.model.EventRow;
import dev.ghlake.model.EventSchema;
import dev.ghlake.stage.RowBuffer;
import dev.ghlake.stage.RowFormat;
import dev.ghlake.testing.DuckDb;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@link StagedRowParquetWriter} writes what parquet-mr's own record writer (here parquet-avro's,
 * fed the same rows as Avro records) writes: the same row groups, pages, dictionaries,
 * statistics and indexes, byte for byte; the footer differs only in the writer's name and in the
 * order it lists a column chunk's encodings (sorted in ours, see {@link CanonicalFooter}). The rows have
 * every column null somewhere, repeated and unique values, payloads from a few bytes to several
 * pages, and enough of them for several row groups.
 */
public class StagedRowParquetWriterTest {
  private static final long ROW_GROUP_BYTES = 2L << 20;
  private static final List<String> NO_DICTIONARY = List.of(EventSchema.EVENT_ID, EventSchema.PAYLOAD,
      EventSchema.REPO_NAME);

  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void writesTheBytesParquetMrsRecordWriterWrites() throws IOException, SQLException {
    List<byte[]> rows = rows(new Random(11), 12_000);
    Path ours = tmp.getRoot().toPath().resolve("ours.parquet");
    Path theirs = tmp.getRoot().toPath().resolve("theirs.parquet");
    writeOurs(rows, ours);
    writeTheirs(rows, theirs);

    assertTrue("several row groups: " + rowGroups(ours), rowGroups(ours) >= 3);
    assertSameChunks(metadata(theirs), metadata(ours));
    assertArrayEquals("row groups, byte for byte", dataBytes(theirs), dataBytes(ours));
    assertEquals(rows.size(), DuckDb.count("SELECT count(*) FROM '" + ours + "'"));
    assertEquals(0, DuckDb.count("SELECT count(*) FROM (SELECT * FROM '" + ours + "' EXCEPT ALL "
        + "SELECT * FROM '" + theirs + "')"));
  }

  private static void writeOurs(List<byte[]> rows, Path file) throws IOException {
    ParquetProperties.Builder props = ParquetProperties.builder();
    NO_DICTIONARY.forEach(column -> props.withDictionaryEncoding(column, false));
    RowFormat.Reader fields = new RowFormat.Reader();
    try (OutputStream out = Files.newOutputStream(file);
        StagedRowParquetWriter writer = new StagedRowParquetWriter(new StreamOutputFile(out),
            props.build(), CompressionCodecName.ZSTD, ROW_GROUP_BYTES)) {
      for (byte[] row : rows) {
        // half the rows as reused bytes, half as stable ones: both kinds of value kept right
        writer.write(row, fields.read(row, 0, row.length), row.length % 2 == 0);
      }
    }
  }

  private static void writeTheirs(List<byte[]> rows, Path file) throws IOException {
    AvroParquetWriter.Builder<GenericRecord> builder = AvroParquetWriter.<GenericRecord>builder(
            new StreamOutputFile(Files.newOutputStream(file)))
        .withSchema(EventSchema.SCHEMA).withDataModel(GenericData.get())
        .withWriteMode(ParquetFileWriter.Mode.OVERWRITE).withCompressionCodec(CompressionCodecName.ZSTD)
        .withRowGroupSize(ROW_GROUP_BYTES);
    NO_DICTIONARY.forEach(column -> builder.withDictionaryEncoding(column, false));
    try (ParquetWriter<GenericRecord> writer = builder.build()) {
      for (byte[] row : rows) {
        writer.write(RowFormat.toRecord(row, 0, row.length));
      }
    }
  }

  /** The first column chunk that differs, if any (the whole list is too long to read). */
  private static void assertSameChunks(List<String> expected, List<String> actual) {
    for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
      assertEquals("column chunk " + i, expected.get(i), actual.get(i));
    }
    assertEquals("column chunks", expected.size(), actual.size());
  }

  /** Every row group's column chunks as DuckDB reads them from the footer. */
  private static List<String> metadata(Path file) throws SQLException {
    List<String> chunks = new ArrayList<>();
    DuckDb.query("SELECT * EXCLUDE (file_name) FROM parquet_metadata('" + file + "') "
        + "ORDER BY row_group_id, column_id", rs -> {
          ResultSetMetaData m = rs.getMetaData();
          StringBuilder s = new StringBuilder();
          for (int i = 1; i <= m.getColumnCount(); i++) {
            String value = rs.getString(i);
            if (m.getColumnName(i).equals("encodings")) { // a set: parquet-mr's order is a HashSet's
              value = Arrays.stream(value.split(", ")).sorted().toList().toString();
            }
            s.append(m.getColumnName(i)).append('=').append(value).append(' ');
          }
          chunks.add(s.toString());
        });
    return chunks;
  }

  private static long rowGroups(Path file) throws SQLException {
    return DuckDb.count("SELECT count(DISTINCT row_group_id) FROM parquet_metadata('" + file + "')");
  }

  /** The file's bytes before its footer. */
  private static byte[] dataBytes(Path file) throws IOException {
    byte[] all = Files.readAllBytes(file);
    int footer = ByteBuffer.wrap(all, all.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    return Arrays.copyOf(all, all.length - 8 - footer);
  }

  private static List<byte[]> rows(Random random, int count) {
    String[] types = {"PushEvent", "WatchEvent", "IssuesEvent", "CreateEvent", "PullRequestEvent"};
    List<byte[]> rows = new ArrayList<>();
    RowFormat format = new RowFormat();
    for (int i = 0; i < count; i++) {
      EventRow r = new EventRow();
      r.eventId = Long.toString(40_000_000_000L + random.nextInt(1_000_000));
      r.type = types[random.nextInt(types.length)];
      r.createdAt = 1_719_792_000_000_000L + 1_000_000L * i;
      r.actorId = maybe(random, (long) random.nextInt(5_000));
      r.actorLogin = maybe(random, "user-" + random.nextInt(5_000));
      r.repoId = maybe(random, (long) random.nextInt(100_000));
      r.repoName = maybe(random, "org/repo-" + random.nextInt(100_000));
      r.orgId = random.nextInt(4) == 0 ? (long) random.nextInt(50) : null;
      r.orgLogin = r.orgId == null ? null : "org-" + r.orgId;
      r.isPublic = maybe(random, random.nextBoolean());
      r.action = maybe(random, random.nextBoolean() ? "opened" : "closed");
      r.ref = maybe(random, "refs/heads/b" + random.nextInt(20));
      r.refType = maybe(random, "branch");
      r.pushId = maybe(random, random.nextLong());
      r.pushSize = maybe(random, (long) random.nextInt(30));
      r.pushDistinctSize = maybe(random, (long) random.nextInt(30));
      r.headSha = maybe(random, Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong()));
      r.number = maybe(random, (long) random.nextInt(9_000));
      r.issueId = maybe(random, (long) random.nextInt(Integer.MAX_VALUE));
      r.prMerged = maybe(random, random.nextBoolean());
      r.commentId = maybe(random, -(long) random.nextInt(1_000)); // negative: zig-zag both ways
      r.releaseTag = maybe(random, "v1." + random.nextInt(9) + " ✓");
      r.forkeeRepoId = maybe(random, (long) random.nextInt(1_000));
      r.forkeeRepoName = maybe(random, "fork/" + random.nextInt(1_000));
      r.memberLogin = maybe(random, "m" + random.nextInt(10));
      r.sourceFile = "2024-07-01-" + random.nextInt(3) + ".json.gz";
      if (random.nextInt(10) != 0) {
        byte[] payload = payload(random, i % 500 == 0 ? 1_500_000 : 20 + random.nextInt(3_000));
        r.payload(payload, 0, payload.length);
      }
      RowBuffer b = format.encode(r);
      rows.add(Arrays.copyOf(b.bytes(), b.length()));
    }
    return rows;
  }

  private static <T> T maybe(Random random, T value) {
    return random.nextInt(3) == 0 ? null : value;
  }

  private static byte[] payload(Random random, int length) {
    StringBuilder s = new StringBuilder("{\"text\":\"");
    while (s.length() < length) {
      s.append("wörd").append(random.nextInt(100)).append(' ');
    }
    return s.append("\"}").toString().getBytes(StandardCharsets.UTF_8);
  }
}
