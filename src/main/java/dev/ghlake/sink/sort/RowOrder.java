package dev.ghlake.sink.sort;

import dev.ghlake.model.EventSchema;
import dev.ghlake.stage.RowFormat;
import java.util.Arrays;

/**
 * The order of a file's rows, read from their staged bytes: by time, then id, then (among
 * copies of one event) payload and source file, then all their bytes, so the copy kept and the
 * file's bytes never depend on which rows were in memory together. Strings compare as unsigned
 * UTF-8 bytes. Not thread-safe: one per sorter.
 */
public final class RowOrder {
  private static final int PAYLOAD = EventSchema.SCHEMA.getField(EventSchema.PAYLOAD).pos();
  private static final int SOURCE_FILE = EventSchema.SCHEMA.getField(EventSchema.SOURCE_FILE).pos();

  private final RowFormat.Head headA = new RowFormat.Head();
  private final RowFormat.Head headB = new RowFormat.Head();
  private final RowFormat.Reader readerA = new RowFormat.Reader();
  private final RowFormat.Reader readerB = new RowFormat.Reader();

  /** Two rows, {@code bytes[offset, offset + length)} each. */
  int compare(byte[] a, int aOffset, int aLength, byte[] b, int bOffset, int bLength) {
    int byTime = Long.compare(time(a, aOffset), time(b, bOffset));
    return byTime != 0 ? byTime : compareSameTime(a, aOffset, aLength, b, bOffset, bLength);
  }

  /** Two rows of the same time: by id, payload, source, bytes. */
  int compareSameTime(byte[] a, int aOffset, int aLength, byte[] b, int bOffset, int bLength) {
    headA.read(a, aOffset);
    headB.read(b, bOffset);
    int byId = Arrays.compareUnsigned(a, headA.idOffset, headA.idOffset + headA.idLength,
        b, headB.idOffset, headB.idOffset + headB.idLength);
    if (byId != 0) {
      return byId;
    }
    readerA.read(a, aOffset, aLength);
    readerB.read(b, bOffset, bLength);
    int byPayload = compareField(a, b, PAYLOAD);
    if (byPayload != 0) {
      return byPayload;
    }
    int bySource = compareField(a, b, SOURCE_FILE);
    return bySource != 0 ? bySource
        : Arrays.compareUnsigned(a, aOffset, aOffset + aLength, b, bOffset, bOffset + bLength);
  }

  /** Whether two rows are copies of one event: the same time and id. */
  public static boolean sameEvent(long timeA, byte[] idA, int idALength, byte[] b, int bOffset, RowFormat.Head headB) {
    return timeA == time(b, bOffset)
        && Arrays.equals(idA, 0, idALength, b, headB.idOffset, headB.idOffset + headB.idLength);
  }

  /** A row's {@code created_at}: its first eight bytes. */
  static long time(byte[] row, int offset) {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (row[offset + i] & 0xff);
    }
    return v;
  }

  private int compareField(byte[] a, byte[] b, int field) {
    boolean inA = readerA.present(field);
    boolean inB = readerB.present(field);
    if (!inA || !inB) {
      return Boolean.compare(inA, inB);
    }
    return Arrays.compareUnsigned(a, readerA.offset(field), readerA.offset(field) + readerA.length(field),
        b, readerB.offset(field), readerB.offset(field) + readerB.length(field));
  }
}
