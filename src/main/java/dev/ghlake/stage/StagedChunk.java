package dev.ghlake.stage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
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
  public static final class Coder extends AtomicCoder<StagedChunk> {
    private static final Coder INSTANCE = new Coder();
    private static final StringUtf8Coder STRING = StringUtf8Coder.of();
    private static final VarIntCoder INT = VarIntCoder.of();
    private static final VarLongCoder LONG = VarLongCoder.of();

    public static Coder of() {
      return INSTANCE;
    }

    @Override
    public void encode(StagedChunk c, OutputStream out) throws IOException {
      STRING.encode(c.partition, out);
      INT.encode(c.bucket, out);
      STRING.encode(c.path, out);
      LONG.encode(c.rows, out);
      LONG.encode(c.bytes, out);
    }

    @Override
    public StagedChunk decode(InputStream in) throws IOException {
      return new StagedChunk(STRING.decode(in), INT.decode(in), STRING.decode(in), LONG.decode(in),
          LONG.decode(in));
    }

    @Override
    public void verifyDeterministic() {}
  }
}
