package dev.ghlake.commit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
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
  public static final class Coder extends AtomicCoder<WrittenFile> {
    private static final Coder INSTANCE = new Coder();
    private static final StringUtf8Coder STRING = StringUtf8Coder.of();
    private static final VarLongCoder LONG = VarLongCoder.of();

    public static Coder of() {
      return INSTANCE;
    }

    @Override
    public void encode(WrittenFile f, OutputStream out) throws IOException {
      STRING.encode(f.partition, out);
      STRING.encode(f.name, out);
      LONG.encode(f.rows, out);
      LONG.encode(f.bytes, out);
    }

    @Override
    public WrittenFile decode(InputStream in) throws IOException {
      return new WrittenFile(STRING.decode(in), STRING.decode(in), LONG.decode(in), LONG.decode(in));
    }

    @Override
    public void verifyDeterministic() {}
  }
}
