package dev.ghlake.sink;

import dev.ghlake.accounting.Tallies;
import dev.ghlake.accounting.Tally;
import dev.ghlake.model.EventSchema;
import dev.ghlake.stage.IdHash;
import dev.ghlake.stage.RowFormat;
import dev.ghlake.stage.StagedChunk;
import dev.ghlake.stage.StagingReader;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.util.MimeTypes;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.OutputFile;

/**
 * Builds one Parquet file from staging: the task's rows are gathered (keys in memory, rows in
 * memory up to a budget, spilled beyond), put in order by time, id, payload and source, copies
 * (same id and time) dropped and counted, and written in that order straight from their staged
 * bytes. Sorting here, in the step that writes, makes the order, and so the bytes, the same on
 * every runner.
 */
final class PartitionFileBuilder implements AutoCloseable {
  private static final int EVENT_TYPE = EventSchema.SCHEMA.getField(EventSchema.TYPE).pos();
  private static final int SOURCE_FILE = EventSchema.SCHEMA.getField(EventSchema.SOURCE_FILE).pos();
  private static final int PAYLOAD = EventSchema.SCHEMA.getField(EventSchema.PAYLOAD).pos();
  /**
   * Columns whose values seldom repeat within a file: a dictionary costs a hash per value and is
   * given up once it outgrows its page anyway. The others (type, action, ref, org…) keep one.
   */
  private static final List<String> NO_DICTIONARY = List.of(EventSchema.EVENT_ID,
      EventSchema.CREATED_AT, EventSchema.ACTOR_ID, EventSchema.ACTOR_LOGIN, EventSchema.REPO_ID,
      EventSchema.REPO_NAME, EventSchema.PAYLOAD, EventSchema.PUSH_ID, EventSchema.HEAD_SHA,
      EventSchema.NUMBER, EventSchema.ISSUE_ID, EventSchema.COMMENT_ID, EventSchema.FORKEE_REPO_ID,
      EventSchema.FORKEE_REPO_NAME);

  private final FilePlan plan;
  private final SortedRows rows;
  private final RowFormat.Head head = new RowFormat.Head();
  private final SliceStrings strings = new SliceStrings();
  private final TallyHours hours = new TallyHours();
  private final StagedRowWriteSupport.Row row = new StagedRowWriteSupport.Row();

  PartitionFileBuilder(FilePlan plan, long memoryBudget, Path spillFolder) {
    this.plan = plan;
    this.rows = new SortedRows(memoryBudget, spillFolder);
  }

  /**
   * Writes the task's file into its partition folder; counts rows written and copies dropped.
   * Null when no row falls in the file's range (no empty file is written).
   */
  WrittenFile build(FileTask task, Tallies tallies) throws IOException {
    try {
      gather(task);
      if (rows.size() == 0) {
        return null;
      }
      int[] order = rows.order(new PayloadThenSource(rows));
      String name = task.fileName(plan.runId());
      ResourceId target = FileSystems.matchNewResource(plan.folder(task.partition()) + "/" + name, false);
      long written = 0;
      StreamOutputFile file;
      try (OutputStream out = new BufferedOutputStream(
          Channels.newOutputStream(FileSystems.create(target, MimeTypes.BINARY)), 1 << 20)) {
        file = new StreamOutputFile(out);
        try (ParquetWriter<StagedRowWriteSupport.Row> writer = writer(file)) {
          int kept = -1;
          for (int i : order) {
            SortedRows.Row bytes = rows.row(i);
            StagedRowWriteSupport.Row r = row.read(bytes.bytes, bytes.offset, bytes.length, bytes.stable);
            String hour = hours.of(rows.time(i));
            String source = text(r, SOURCE_FILE);
            if (kept >= 0 && rows.time(kept) == rows.time(i) && rows.id(kept).equals(rows.id(i))) {
              tallies.add(Tally.Kind.DUPLICATE, "", hour, source);
              continue;
            }
            kept = i;
            writer.write(r);
            written++;
            tallies.add(Tally.Kind.WRITTEN, text(r, EVENT_TYPE), hour, source);
          }
        }
      } catch (IOException | RuntimeException e) {
        deleteQuietly(target); // a half-written file must never sit beside the partition's
        throw e;
      }
      return new WrittenFile(task.partition(), name, written, file.bytes());
    } finally {
      rows.reset();
    }
  }

  /** Gives up the row memory and any spill file. */
  @Override
  public void close() throws IOException {
    rows.close();
  }

  private ParquetWriter<StagedRowWriteSupport.Row> writer(OutputFile file) throws IOException {
    Builder b = new Builder(file).withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
        .withCompressionCodec(plan.codec()).withRowGroupSize(plan.rowGroupBytes())
        .withConf(new Configuration(false));
    NO_DICTIONARY.forEach(column -> b.withDictionaryEncoding(column, false));
    return b.build();
  }

  private String text(StagedRowWriteSupport.Row r, int field) {
    return r.fields.present(field)
        ? strings.of(r.bytes, r.fields.offset(field), r.fields.length(field)) : "";
  }

  private static void deleteQuietly(ResourceId file) {
    try {
      FileSystems.delete(List.of(file), MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    } catch (IOException e) {
      // the run fails anyway; its pending mark lets the next run remove the file
    }
  }

  /** The task's rows, read from every chunk that can hold them. */
  private void gather(FileTask task) throws IOException {
    for (StagedChunk chunk : task.chunks()) {
      try (StagingReader reader = StagingReader.open(chunk)) {
        while (reader.next()) {
          head.read(reader.row(), 0);
          if (task.holds(IdHash.of(reader.row(), head.idOffset, head.idLength))) {
            rows.add(reader.row(), reader.length(), head.createdAt,
                new String(reader.row(), head.idOffset, head.idLength, StandardCharsets.UTF_8));
          }
        }
      }
    }
  }

  /** Among copies (same time and id): by payload, then source, so the copy kept never varies. */
  private static final class PayloadThenSource implements Comparator<Integer> {
    private final SortedRows rows;
    private final RowFormat.Reader a = new RowFormat.Reader();
    private final RowFormat.Reader b = new RowFormat.Reader();

    PayloadThenSource(SortedRows rows) {
      this.rows = rows;
    }

    @Override
    public int compare(Integer x, Integer y) {
      byte[] first = copy(x, a);
      byte[] second = copy(y, b);
      int byPayload = compare(first, a, second, b, PAYLOAD);
      return byPayload != 0 ? byPayload : compare(first, a, second, b, SOURCE_FILE);
    }

    /** Row {@code i}'s bytes, copied (the rows' buffer is reused), read into {@code into}. */
    private byte[] copy(int i, RowFormat.Reader into) {
      try {
        SortedRows.Row r = rows.row(i);
        byte[] bytes = Arrays.copyOfRange(r.bytes, r.offset, r.offset + r.length);
        into.read(bytes, 0, bytes.length);
        return bytes;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static int compare(byte[] x, RowFormat.Reader a, byte[] y, RowFormat.Reader b, int field) {
      if (!a.present(field) || !b.present(field)) {
        return Boolean.compare(a.present(field), b.present(field));
      }
      return Arrays.compareUnsigned(x, a.offset(field), a.offset(field) + a.length(field),
          y, b.offset(field), b.offset(field) + b.length(field));
    }
  }

  /** Tally hours, made once per hour: rows come in time order. */
  private static final class TallyHours {
    private long index = Long.MIN_VALUE;
    private String hour;

    String of(long micros) {
      long i = Math.floorDiv(micros, 3_600_000_000L);
      if (i != index) {
        index = i;
        hour = Tally.hourOf(micros);
      }
      return hour;
    }
  }

  /** A Parquet writer of staged rows. */
  private static final class Builder extends ParquetWriter.Builder<StagedRowWriteSupport.Row, Builder> {
    Builder(OutputFile file) {
      super(file);
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<StagedRowWriteSupport.Row> getWriteSupport(Configuration conf) {
      return new StagedRowWriteSupport();
    }
  }
}
