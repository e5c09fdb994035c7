package dev.ghlake.stage;

import dev.ghlake.model.EventSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;

/**
 * A staged row: the event in Avro's binary encoding of {@link EventSchema}. Its first fields are
 * {@code event_id}, {@code type} and {@code created_at}, so a row's sort key is read from its
 * first bytes without decoding the rest. Not thread-safe: one per worker.
 */
public final class RowFormat {
  private final GenericDatumWriter<GenericRecord> writer = new GenericDatumWriter<>(EventSchema.SCHEMA);
  private final GenericDatumReader<GenericRecord> reader = new GenericDatumReader<>(EventSchema.SCHEMA);
  private final Buffer buffer = new Buffer();
  private final BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(buffer, null);
  private BinaryDecoder decoder;

  /** Encodes a row into this format's buffer: valid until the next call. */
  public Buffer encode(GenericRecord row) {
    buffer.reset();
    try {
      writer.write(row, encoder);
    } catch (IOException e) {
      throw new UncheckedIOException("an in-memory write cannot fail", e);
    }
    return buffer;
  }

  /** Decodes a row, reusing {@code reuse}'s objects when given. */
  public GenericRecord decode(byte[] bytes, int offset, int length, GenericRecord reuse) {
    decoder = DecoderFactory.get().binaryDecoder(bytes, offset, length, decoder);
    try {
      return reader.read(reuse, decoder);
    } catch (IOException e) {
      throw new UncheckedIOException("a staged row that does not decode: staging is corrupt", e);
    }
  }

  /** The bytes of an encoded row, with the place of its id. */
  public static final class Buffer extends ByteArrayOutputStream {
    Buffer() {
      super(4096);
    }

    public byte[] bytes() {
      return buf;
    }

    public int length() {
      return count;
    }
  }

  /** Reads a row's key fields from its first bytes. */
  public static final class Head {
    public int idOffset;
    public int idLength;
    public long createdAt;

    /** Fills this head from an encoded row; returns it. */
    public Head read(byte[] row, int offset) {
      int[] pos = {offset};
      idLength = (int) readLong(row, pos);
      idOffset = pos[0];
      pos[0] += idLength;
      int typeLength = (int) readLong(row, pos);
      pos[0] += typeLength;
      createdAt = readLong(row, pos);
      return this;
    }

    /** Avro's zig-zag varint. */
    private static long readLong(byte[] b, int[] pos) {
      long raw = 0;
      int shift = 0;
      int p = pos[0];
      byte next;
      do {
        next = b[p++];
        raw |= (long) (next & 0x7f) << shift;
        shift += 7;
      } while (next < 0);
      pos[0] = p;
      return (raw >>> 1) ^ -(raw & 1);
    }
  }
}
