package dev.ghlake.sink;

import dev.ghlake.stage.IdHash;
import dev.ghlake.stage.StagedChunk;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;

/**
 * One output file to build: file {@code index} of {@code count} of a partition holds the rows
 * whose id falls in the index-th of {@code count} equal ranges, read from the staging chunks
 * whose bucket overlaps that range.
 */
public record FileTask(String partition, int index, int count, List<StagedChunk> chunks) {

  /** The file's name: which rows it holds (by id range) and which run wrote it. */
  public String fileName(String runId) {
    return String.format("part-%05d-of-%05d-%s.parquet", index, count, runId);
  }

  /** Whether a row at this id position belongs to the file. */
  public boolean holds(long idPosition) {
    return IdHash.slice(idPosition, count) == index;
  }

  /** Whether bucket {@code b} of {@code buckets} can hold rows of file {@code f} of {@code files}. */
  static boolean overlaps(int f, int files, int b, int buckets) {
    return (long) f * buckets < (long) (b + 1) * files && (long) b * files < (long) (f + 1) * buckets;
  }

  /** Coder: tasks are spread over workers. */
  public static final class Coder extends AtomicCoder<FileTask> {
    private static final Coder INSTANCE = new Coder();
    private static final StringUtf8Coder STRING = StringUtf8Coder.of();
    private static final VarIntCoder INT = VarIntCoder.of();
    private static final ListCoder<StagedChunk> CHUNKS = ListCoder.of(StagedChunk.Coder.of());

    public static Coder of() {
      return INSTANCE;
    }

    @Override
    public void encode(FileTask t, OutputStream out) throws IOException {
      STRING.encode(t.partition, out);
      INT.encode(t.index, out);
      INT.encode(t.count, out);
      CHUNKS.encode(t.chunks, out);
    }

    @Override
    public FileTask decode(InputStream in) throws IOException {
      return new FileTask(STRING.decode(in), INT.decode(in), INT.decode(in), CHUNKS.decode(in));
    }

    @Override
    public void verifyDeterministic() {}
  }
}
