package dev.ghlake.stage;

import static org.junit.Assert.assertEquals;

import dev.ghlake.model.EventRow;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.Test;

/**
 * A row's sort key read from the front of its bytes ({@link RowFormat.Head}) and taken from a
 * full read ({@link RowFormat.Reader#head}) are the event's own time and id, for ids of every
 * length a varint prefix takes (one and two bytes) and rows with and without other columns.
 */
public class RowFormatTest {
  @Test
  public void theHeadOfAFullReadIsTheRowsTimeAndId() {
    RowFormat format = new RowFormat();
    RowFormat.Reader reader = new RowFormat.Reader();
    for (String id : new String[] {"", "7", "40000012345", "é".repeat(100), "x".repeat(300)}) {
      for (boolean bare : new boolean[] {true, false}) {
        EventRow r = new EventRow();
        r.eventId = id;
        r.type = "PushEvent";
        r.createdAt = 1_719_792_000_123_456L + id.length();
        if (!bare) {
          r.actorLogin = "someone";
          byte[] payload = "{\"size\":1}".getBytes(StandardCharsets.UTF_8);
          r.payload(payload, 0, payload.length);
        }
        RowBuffer b = format.encode(r);
        byte[] row = Arrays.copyOf(b.bytes(), b.length() + 3);
        System.arraycopy(row, 0, row, 3, b.length()); // not at the start of its array
        RowFormat.Head read = new RowFormat.Head().read(row, 3);
        RowFormat.Head taken = reader.read(row, 3, b.length()).head(new RowFormat.Head());

        assertEquals(r.createdAt, read.createdAt);
        assertEquals(id, new String(row, read.idOffset, read.idLength, StandardCharsets.UTF_8));
        assertEquals(read.createdAt, taken.createdAt);
        assertEquals(read.idOffset, taken.idOffset);
        assertEquals(read.idLength, taken.idLength);
      }
    }
  }
}
