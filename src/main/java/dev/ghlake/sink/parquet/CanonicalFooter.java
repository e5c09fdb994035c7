package dev.ghlake.sink.parquet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;

/**
 * Lists every column chunk's encodings in one order in a Parquet file's footer, so that a file's
 * bytes do not depend on the JVM that wrote it. parquet-mr collects a chunk's encodings in a
 * {@code HashSet} of enums, whose order follows identity hash codes: the same rows written by
 * two processes (a re-run, a Flink worker) differed in those few footer bytes only.
 */
final class CanonicalFooter {
  private static final Comparator<Encoding> ORDER = Comparator.comparingInt(Encoding::getValue);

  private CanonicalFooter() {}

  /**
   * The end of a Parquet file (anything, then the footer, its length as 4 little-endian bytes, and
   * "PAR1") with the footer's encoding lists sorted; same length, as a list's order does not
   * change its encoded size.
   */
  static byte[] sortEncodings(byte[] tail) {
    int length = ByteBuffer.wrap(tail, tail.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    int start = tail.length - 8 - length;
    try {
      FileMetaData footer = Util.readFileMetaData(new ByteArrayInputStream(tail, start, length));
      for (RowGroup group : footer.getRow_groups()) {
        for (ColumnChunk chunk : group.getColumns()) {
          ColumnMetaData meta = chunk.getMeta_data();
          List<Encoding> sorted = new ArrayList<>(meta.getEncodings());
          sorted.sort(ORDER);
          meta.setEncodings(sorted);
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(length);
      Util.writeFileMetaData(footer, out);
      if (out.size() != length) {
        throw new IllegalStateException("the footer changed length: " + length + " -> " + out.size());
      }
      byte[] result = tail.clone();
      System.arraycopy(out.toByteArray(), 0, result, start, length);
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read back the footer just written", e);
    }
  }
}
