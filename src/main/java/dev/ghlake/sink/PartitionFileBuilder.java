package dev.ghlake.sink;

import dev.ghlake.accounting.Tallies;
import dev.ghlake.accounting.Tally;
import dev.ghlake.model.EventSchema;
import dev.ghlake.stage.IdHash;
import dev.ghlake.stage.RowFormat;
import dev.ghlake.stage.StagedChunk;
import dev.ghlake.stage.StagingReader;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.io.parquet.ParquetIO;
import org.apache.beam.sdk.util.MimeTypes;

/**
 * Builds one Parquet file from staging: the task's rows are gathered (keys in memory, rows in
 * memory up to a budget, spilled beyond), put in order by time, id, payload and source, copies
 * (same id and time) dropped and counted, and written in that order. Sorting here, in the step
 * that writes, makes the order, and so the bytes, the same on every runner.
 */
final class PartitionFileBuilder {
  private final FilePlan plan;
  private final long memoryBudget;
  private final Path spillFolder;
  private final RowFormat format = new RowFormat();
  private final RowFormat.Head head = new RowFormat.Head();
  private final TallyHours hours = new TallyHours();

  PartitionFileBuilder(FilePlan plan, long memoryBudget, Path spillFolder) {
    this.plan = plan;
    this.memoryBudget = memoryBudget;
    this.spillFolder = spillFolder;
  }

  /**
   * Writes the task's file into its partition folder; counts rows written and copies dropped.
   * Null when no row falls in the file's range (no empty file is written).
   */
  WrittenFile build(FileTask task, Tallies tallies) throws IOException {
    try (SortedRows rows = gather(task)) {
      if (rows.size() == 0) {
        return null;
      }
      int[] order = rows.order(new PayloadThenSource(rows));
      String name = task.fileName(plan.runId());
      String path = plan.folder(task.partition()) + "/" + name;
      Counted counted;
      long written = 0;
      ParquetIO.Sink sink = ParquetIO.sink(EventSchema.SCHEMA)
          .withCompressionCodec(plan.codec()).withRowGroupSize(plan.rowGroupBytes());
      ResourceId target = FileSystems.matchNewResource(path, false);
      try (OutputStream out = counted = new Counted(Channels.newOutputStream(
          FileSystems.create(target, MimeTypes.BINARY)))) {
        sink.open(Channels.newChannel(new BufferedOutputStream(out, 1 << 20)));
        GenericRecord record = null;
        int kept = -1;
        for (int i : order) {
          SortedRows.Row row = rows.row(i);
          record = format.decode(row.bytes, row.offset, row.length, record);
          String hour = hours.of(rows.time(i));
          String source = Objects.toString(record.get(EventSchema.SOURCE_FILE), "");
          if (kept >= 0 && rows.time(kept) == rows.time(i) && rows.id(kept).equals(rows.id(i))) {
            tallies.add(Tally.Kind.DUPLICATE, "", hour, source);
            continue;
          }
          kept = i;
          sink.write(record);
          written++;
          tallies.add(Tally.Kind.WRITTEN, record.get(EventSchema.TYPE).toString(), hour, source);
        }
        sink.flush();
      } catch (IOException | RuntimeException e) {
        deleteQuietly(target); // a half-written file must never sit beside the partition's
        throw e;
      }
      return new WrittenFile(task.partition(), name, written, counted.count);
    }
  }

  private static void deleteQuietly(ResourceId file) {
    try {
      FileSystems.delete(List.of(file), MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    } catch (IOException e) {
      // the run fails anyway; its pending mark lets the next run remove the file
    }
  }

  /** The task's rows, read from every chunk that can hold them. */
  private SortedRows gather(FileTask task) throws IOException {
    SortedRows rows = new SortedRows(memoryBudget, spillFolder);
    try {
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
      return rows;
    } catch (IOException | RuntimeException e) {
      rows.close();
      throw e;
    }
  }

  /** Among copies (same time and id): by payload, then source, so the copy kept never varies. */
  private final class PayloadThenSource implements Comparator<Integer> {
    private final SortedRows rows;

    PayloadThenSource(SortedRows rows) {
      this.rows = rows;
    }

    @Override
    public int compare(Integer a, Integer b) {
      GenericRecord x = decode(a);
      GenericRecord y = decode(b);
      int byPayload = text(x, EventSchema.PAYLOAD).compareTo(text(y, EventSchema.PAYLOAD));
      return byPayload != 0 ? byPayload
          : text(x, EventSchema.SOURCE_FILE).compareTo(text(y, EventSchema.SOURCE_FILE));
    }

    private GenericRecord decode(int i) {
      try {
        SortedRows.Row row = rows.row(i);
        return format.decode(row.bytes, row.offset, row.length, null);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private String text(GenericRecord r, String field) {
      return Objects.toString(r.get(field), "");
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

  /** Counts the bytes that reach the file. */
  private static final class Counted extends FilterOutputStream {
    long count;

    Counted(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }
  }
}
