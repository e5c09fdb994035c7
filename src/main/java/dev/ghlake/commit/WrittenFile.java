package dev.ghlake.commit;

import dev.ghlake.coders.RecordCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;

/**
 * A Parquet file a run wrote into a partition's folder, not yet part of the partition: the
 * commit makes it so.
 *
 * @param name the file's name inside the partition folder
 */
public record WrittenFile(String partition, String name, long rows, long bytes) {

  /** Coder: files are grouped by partition for the commit. */
  public static RecordCoder<WrittenFile> coder() {
    return CODER;
  }

  private static final RecordCoder<WrittenFile> CODER = RecordCoder.of(WrittenFile.class,
      StringUtf8Coder.of(), StringUtf8Coder.of(), VarLongCoder.of(), VarLongCoder.of());
}
