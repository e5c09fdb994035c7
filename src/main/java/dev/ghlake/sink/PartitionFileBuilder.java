package dev.ghlake.sink;

import dev.ghlake.accounting.Tallies;
import dev.ghlake.accounting.Tally;
import dev.ghlake.commit.WrittenFile;
import dev.ghlake.model.EventSchema;
import dev.ghlake.sink.parquet.StagedRowParquetWriter;
import dev.ghlake.sink.parquet.StreamOutputFile;
import dev.ghlake.sink.sort.MergedRows;
import dev.ghlake.sink.sort.RowOrder;
import dev.ghlake.sink.sort.SortedRows;
import dev.ghlake.stage.IdHash;
import dev.ghlake.stage.RowFormat;
import dev.ghlake.stage.StagedChunk;
import dev.ghlake.stage.StagingReader;
import dev.ghlake.storage.WholeFile;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.util.MimeTypes;
import org.apache.parquet.column.ParquetProperties;

/**
 * Builds one Parquet file from staging: the task's rows are gathered (in memory up to a budget,
 * in sorted runs on local disk beyond it), put in {@link RowOrder} (time, id, then payload and
 * source), copies (same id and time) dropped and counted, and written in that order straight
 * from their staged bytes. Sorting here, in the step that writes, makes the order, and so the
 * bytes, the same on every runner.
 */
final class PartitionFileBuilder implements AutoCloseable {
  private static final int EVENT_TYPE = EventSchema.SCHEMA.getField(EventSchema.TYPE).pos();
  private static final int SOURCE_FILE = EventSchema.SCHEMA.getField(EventSchema.SOURCE_FILE).pos();
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
  private final RowFormat.Reader fields = new RowFormat.Reader();
  private final LastKept kept = new LastKept();

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
      String name = task.fileName(plan.runId());
      ResourceId target = FileSystems.matchNewResource(plan.folder(task.partition()) + "/" + name, false);
      ResourceId writing = WholeFile.writing(target);
      long written = 0;
      StreamOutputFile file;
      try (OutputStream out = new BufferedOutputStream(
          Channels.newOutputStream(FileSystems.create(writing, MimeTypes.BINARY)), 1 << 20)) {
        file = new StreamOutputFile(out);
        try (StagedRowParquetWriter writer = writer(file)) {
          MergedRows c = rows.sorted();
          while (c.next()) {
            byte[] bytes = c.bytes();
            fields.read(bytes, c.offset(), c.length()).head(head);
            String hour = hours.of(head.createdAt);
            String source = text(bytes, SOURCE_FILE);
            if (kept.isCopy(bytes, c.offset(), head)) {
              tallies.add(Tally.Kind.DUPLICATE, "", hour, source);
              continue;
            }
            kept.remember(bytes, head);
            writer.write(bytes, fields, c.stable());
            written++;
            tallies.add(Tally.Kind.WRITTEN, text(bytes, EVENT_TYPE), hour, source);
          }
        }
      } catch (IOException | RuntimeException e) {
        deleteQuietly(writing); // a half-written file must never sit beside the partition's
        throw e;
      }
      WholeFile.publish(writing, target);
      return new WrittenFile(task.partition(), name, written, file.bytes());
    } finally {
      rows.reset();
      kept.forget();
    }
  }

  /** Gives up the row memory and any spill file. */
  @Override
  public void close() throws IOException {
    rows.close();
  }

  private StagedRowParquetWriter writer(StreamOutputFile file) throws IOException {
    ParquetProperties.Builder props = ParquetProperties.builder();
    NO_DICTIONARY.forEach(column -> props.withDictionaryEncoding(column, false));
    return new StagedRowParquetWriter(file, props.build(), plan.codec(), plan.rowGroupBytes());
  }

  private String text(byte[] bytes, int field) {
    return fields.present(field) ? strings.of(bytes, fields.offset(field), fields.length(field)) : "";
  }

  private static void deleteQuietly(ResourceId file) {
    try {
      WholeFile.discard(file);
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
            rows.add(reader.row(), reader.length(), head);
          }
        }
      }
    }
  }

  /** The time and id of the last row written: a row with both is a copy, dropped. */
  private static final class LastKept {
    private boolean any;
    private long time;
    private byte[] id = new byte[64];
    private int idLength;

    boolean isCopy(byte[] row, int offset, RowFormat.Head head) {
      return any && RowOrder.sameEvent(time, id, idLength, row, offset, head);
    }

    /** Copies the row's time and id (the row's bytes may be reused for the next row). */
    void remember(byte[] row, RowFormat.Head head) {
      any = true;
      time = head.createdAt;
      if (id.length < head.idLength) {
        id = new byte[Math.max(head.idLength, id.length * 2)];
      }
      System.arraycopy(row, head.idOffset, id, 0, head.idLength);
      idLength = head.idLength;
    }

    void forget() {
      any = false;
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
}
