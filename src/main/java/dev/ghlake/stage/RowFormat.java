package dev.ghlake.stage;

import dev.ghlake.model.EventRow;
import dev.ghlake.model.EventSchema;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * A staged row: an {@link EventRow} in a compact binary form. First {@code created_at} (8 bytes)
 * and {@code event_id} (length, UTF-8), so a row's sort key is read from its first bytes; then a
 * bitmap of the columns present, then each present column in {@link EventSchema}'s order
 * (strings as length and UTF-8, longs as zig-zag varints, booleans as one byte). The payload's
 * bytes are copied as they are, never decoded. Not thread-safe: one per worker.
 */
public final class RowFormat {
  /** A column's kind. */
  public enum Kind {
    STRING,
    LONG,
    BOOLEAN
  }

  static final int EVENT_ID = 0;
  static final int CREATED_AT = 2;
  /** The schema's columns, in order, with their kinds. */
  public static final List<Schema.Field> FIELDS = EventSchema.SCHEMA.getFields();
  public static final Kind[] KINDS = FIELDS.stream().map(RowFormat::kind).toArray(Kind[]::new);
  private static final int N = FIELDS.size();

  private final RowBuffer buffer = new RowBuffer();

  /** Encodes a row into this format's buffer: valid until the next call. */
  public RowBuffer encode(EventRow row) {
    RowBuffer b = buffer;
    b.reset();
    b.writeLong8(row.createdAt);
    b.writeString(row.eventId);
    int bitmapAt = b.length();
    b.writeInt4(0);
    int bitmap = (1 << EVENT_ID) | (1 << CREATED_AT);
    for (int i = 0; i < N; i++) {
      if (i == EVENT_ID || i == CREATED_AT) {
        continue;
      }
      if (writeField(b, row, i)) {
        bitmap |= 1 << i;
      }
    }
    b.setInt4(bitmapAt, bitmap);
    return b;
  }

  private static boolean writeField(RowBuffer b, EventRow r, int field) {
    return switch (field) {
      case 1 -> b.string(r.type);
      case 3 -> b.number(r.actorId);
      case 4 -> b.string(r.actorLogin);
      case 5 -> b.number(r.repoId);
      case 6 -> b.string(r.repoName);
      case 7 -> b.number(r.orgId);
      case 8 -> b.string(r.orgLogin);
      case 9 -> b.flag(r.isPublic);
      case 10 -> r.hasPayload() && b.bytes(r.payloadBytes(), r.payloadOffset(), r.payloadLength());
      case 11 -> b.string(r.action);
      case 12 -> b.string(r.ref);
      case 13 -> b.string(r.refType);
      case 14 -> b.number(r.pushId);
      case 15 -> b.number(r.pushSize);
      case 16 -> b.number(r.pushDistinctSize);
      case 17 -> b.string(r.headSha);
      case 18 -> b.number(r.number);
      case 19 -> b.number(r.issueId);
      case 20 -> b.flag(r.prMerged);
      case 21 -> b.number(r.commentId);
      case 22 -> b.string(r.releaseTag);
      case 23 -> b.number(r.forkeeRepoId);
      case 24 -> b.string(r.forkeeRepoName);
      case 25 -> b.string(r.memberLogin);
      case 26 -> b.string(r.sourceFile);
      default -> throw new IllegalStateException("no column " + field);
    };
  }

  /** An encoded row as an Avro record (for tools and tests; the pipeline never needs one). */
  public static GenericRecord toRecord(byte[] row, int offset, int length) {
    Reader r = new Reader().read(row, offset, length);
    GenericRecord out = new GenericData.Record(EventSchema.SCHEMA);
    for (int i = 0; i < N; i++) {
      if (!r.present(i)) {
        continue;
      }
      out.put(i, switch (KINDS[i]) {
        case STRING -> new String(row, r.offset(i), r.length(i), StandardCharsets.UTF_8);
        case LONG -> r.longValue(i);
        case BOOLEAN -> r.longValue(i) != 0;
      });
    }
    return out;
  }

  private static Kind kind(Schema.Field f) {
    Schema s = f.schema();
    if (s.getType() == Schema.Type.UNION) {
      s = s.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).findFirst().orElseThrow();
    }
    return switch (s.getType()) {
      case STRING -> Kind.STRING;
      case LONG -> Kind.LONG;
      case BOOLEAN -> Kind.BOOLEAN;
      default -> throw new IllegalStateException("no staged form for " + f);
    };
  }

  /** Reads a row's sort key from its first bytes. */
  public static final class Head {
    public long createdAt;
    public int idOffset;
    public int idLength;

    /** Fills this head from an encoded row; returns it. */
    public Head read(byte[] row, int offset) {
      Cursor c = new Cursor(row, offset);
      createdAt = c.fixed(8);
      idLength = (int) c.varint();
      idOffset = c.pos;
      return this;
    }
  }

  /** Walks an encoded row: where each column is, or its value. One instance, reused. */
  public static final class Reader {
    private final int[] offsets = new int[N];
    private final int[] lengths = new int[N];
    private final long[] values = new long[N];
    private int bitmap;

    public Reader read(byte[] row, int offset, int length) {
      Cursor c = new Cursor(row, offset);
      values[CREATED_AT] = c.fixed(8);
      lengths[EVENT_ID] = (int) c.varint();
      offsets[EVENT_ID] = c.pos;
      c.pos += lengths[EVENT_ID];
      bitmap = (int) c.fixed(4);
      for (int i = 0; i < N; i++) {
        if (i == EVENT_ID || i == CREATED_AT || (bitmap & (1 << i)) == 0) {
          continue;
        }
        switch (KINDS[i]) {
          case STRING -> {
            lengths[i] = (int) c.varint();
            offsets[i] = c.pos;
            c.pos += lengths[i];
          }
          case LONG -> {
            long zigzag = c.varint();
            values[i] = (zigzag >>> 1) ^ -(zigzag & 1);
          }
          case BOOLEAN -> values[i] = row[c.pos++];
        }
      }
      return this;
    }

    /** The row's sort key, as {@link Head#read} would read it again from the bytes. */
    public Head head(Head into) {
      into.createdAt = values[CREATED_AT];
      into.idOffset = offsets[EVENT_ID];
      into.idLength = lengths[EVENT_ID];
      return into;
    }

    public boolean present(int field) {
      return (bitmap & (1 << field)) != 0;
    }

    public int offset(int field) {
      return offsets[field];
    }

    public int length(int field) {
      return lengths[field];
    }

    /** A long or boolean (0/1) column's value. */
    public long longValue(int field) {
      return values[field];
    }
  }

  /** Reads fixed-width and varint numbers from a position that moves on. */
  private static final class Cursor {
    private final byte[] b;
    int pos;

    Cursor(byte[] b, int pos) {
      this.b = b;
      this.pos = pos;
    }

    long fixed(int bytes) {
      long v = 0;
      for (int i = 0; i < bytes; i++) {
        v = (v << 8) | (b[pos++] & 0xff);
      }
      return v;
    }

    long varint() {
      long v = 0;
      int shift = 0;
      byte next;
      do {
        next = b[pos++];
        v |= (long) (next & 0x7f) << shift;
        shift += 7;
      } while (next < 0);
      return v;
    }
  }
}
