package dev.ghlake.stage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import org.apache.beam.sdk.coders.Coder;

/**
 * Records kept in staging files instead of in elements: written by bucket with a coder, read
 * back a chunk at a time. On the DirectRunner an element's outputs and a GroupByKey's input stay
 * in memory until the step ends; the export's million rows with their names did not fit a 1 GiB
 * heap (docs/benchmarks.md), references to their files do. Steps that group many rows stage them
 * and group the references.
 */
public final class StagedRecords {
  private StagedRecords() {}

  /** What is done with each record read. */
  public interface Each<T> {
    void accept(T record) throws IOException;
  }

  /** Every record of the chunks, in their order. */
  public static <T> void read(Iterable<StagedChunk> chunks, Coder<T> coder, Each<T> each) throws IOException {
    for (StagedChunk chunk : chunks) {
      try (StagingReader reader = StagingReader.open(chunk)) {
        while (reader.next()) {
          each.accept(coder.decode(new ByteArrayInputStream(reader.row(), 0, reader.length())));
        }
      }
    }
  }

  /** Encodes records into one reused buffer and appends them to a staging writer. */
  public static final class Appender<T> extends OutputStream {
    private final StagingWriter writer;
    private final Coder<T> coder;
    private byte[] buf = new byte[256];
    private int count;

    public Appender(StagingWriter writer, Coder<T> coder) {
      this.writer = writer;
      this.coder = coder;
    }

    public void append(String kind, int bucket, T record) throws IOException {
      count = 0;
      coder.encode(record, this);
      writer.append(kind, bucket, buf, count);
    }

    @Override
    public void write(int b) {
      ensure(1);
      buf[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int offset, int length) {
      ensure(length);
      System.arraycopy(b, offset, buf, count, length);
      count += length;
    }

    private void ensure(int more) {
      if (count + more > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(count + more, buf.length * 2));
      }
    }
  }
}
