package dev.ghlake.source;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.Test;

public class LineReaderTest {
  private static LineReader reader(String text, int max) {
    return new LineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), max);
  }

  @Test
  public void splitsOnNewlinesAndDropsCarriageReturns() throws IOException {
    LineReader r = reader("a\r\nbé\n\nlast", 100);
    assertEquals("a", r.next());
    assertEquals("bé", r.next());
    assertEquals("", r.next());
    assertEquals("last", r.next());
    assertNull(r.next());
  }

  @Test
  public void cutsLinesOverTheMaximumAndFlagsThem() throws IOException {
    String longLine = "x".repeat(200_000);
    LineReader r = reader("short\n" + longLine + "\nafter\n", 1000);
    assertEquals("short", r.next());
    assertFalse(r.lastLineWasCut());
    String cut = r.next();
    assertEquals(1000, cut.length());
    assertTrue(r.lastLineWasCut());
    assertEquals("after", r.next());
    assertFalse(r.lastLineWasCut());
    assertNull(r.next());
  }

  @Test
  public void countsTheBytesItConsumed() throws IOException {
    LineReader r = reader("abc\ndef\n", 10);
    while (r.next() != null) {
      // drain
    }
    assertEquals(8, r.bytesRead());
  }
}
