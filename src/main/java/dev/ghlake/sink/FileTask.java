package dev.ghlake.sink;

import dev.ghlake.coders.RecordCoder;
import dev.ghlake.stage.IdHash;
import dev.ghlake.stage.StagedChunk;
import java.util.List;
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
  public static RecordCoder<FileTask> coder() {
    return CODER;
  }

  private static final RecordCoder<FileTask> CODER = RecordCoder.of(FileTask.class,
      StringUtf8Coder.of(), VarIntCoder.of(), VarIntCoder.of(), ListCoder.of(StagedChunk.coder()));
}
