package dev.ghlake.source;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.Test;

public class LineReaderTest {
  private static LineReader reader(String text, int max) {
    return new LineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), max);
  }

  private static String next(LineReader r) throws IOException {
    return r.next() ? new String(r.bytes(), 0, r.length(), StandardCharsets.UTF_8) : null;
  }

  @Test
  public void splitsOnNewlinesAndDropsCarriageReturns() throws IOException {
    LineReader r = reader("a\r\nbé\n\n \t\nlast", 100);
    assertEquals("a", next(r));
    assertEquals("bé", next(r));
    assertEquals("", next(r));
    assertTrue(r.isBlank());
    assertEquals(" \t", next(r));
    assertTrue(r.isBlank());
    assertEquals("last", next(r));
    assertFalse(r.isBlank());
    assertEquals(null, next(r));
  }

  @Test
  public void cutsLinesOverTheMaximumAndFlagsThem() throws IOException {
    String longLine = "x".repeat(200_000);
    LineReader r = reader("short\n" + longLine + "\nafter\n", 1000);
    assertEquals("short", next(r));
    assertFalse(r.wasCut());
    String cut = next(r);
    assertEquals(1000, cut.length());
    assertTrue(r.wasCut());
    assertEquals("after", next(r));
    assertFalse(r.wasCut());
    assertEquals(null, next(r));
  }

  @Test
  public void countsTheBytesItConsumed() throws IOException {
    LineReader r = reader("abc\ndef\n", 10);
    while (r.next()) {
      // drain
    }
    assertEquals(8, r.bytesRead());
  }
}
