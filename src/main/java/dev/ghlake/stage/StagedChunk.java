package dev.ghlake.stage;

import dev.ghlake.coders.RecordCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;

/**
 * A reference to one staging file: rows of one partition whose ids fall in one bucket. Only
 * these references travel through the pipeline's groupings, never the rows.
 *
 * @param bytes the rows' encoded size before compression (what building a file from it holds)
 */
public record StagedChunk(String partition, int bucket, String path, long rows, long bytes) {

  /** Coder: chunks are grouped by partition. */
  public static RecordCoder<StagedChunk> coder() {
    return CODER;
  }

  private static final RecordCoder<StagedChunk> CODER = RecordCoder.of(StagedChunk.class,
      StringUtf8Coder.of(), VarIntCoder.of(), StringUtf8Coder.of(), VarLongCoder.of(), VarLongCoder.of());
}
