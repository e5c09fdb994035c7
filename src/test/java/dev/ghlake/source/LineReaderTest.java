package dev.ghlake.source;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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

  /**
   * Lines of every length, newlines at every position of an eight-byte word and across the
   * reader's 64 KiB chunks, read through a stream that hands out odd-sized pieces: the lines come
   * back exactly as {@code split} finds them. Bytes near a newline (0x01, 0x0B, 0x8A, 0xFF) must
   * not be taken for one.
   */
  @Test
  public void findsEveryNewlineWhereverItFallsInAWordOrAChunk() throws IOException {
    Random random = new Random(3);
    StringBuilder text = new StringBuilder();
    List<String> expected = new ArrayList<>();
    String alphabet = "ab\u0001\u000b\u008a\u00ff\u00e9\t ";
    while (text.length() < 300_000) {
      StringBuilder line = new StringBuilder();
      int length = random.nextInt(10) == 0 ? random.nextInt(3_000) : random.nextInt(20);
      for (int i = 0; i < length; i++) {
        line.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      expected.add(line.toString());
      text.append(line).append(random.nextInt(5) == 0 ? "\r\n" : "\n");
    }
    byte[] bytes = text.toString().getBytes(StandardCharsets.ISO_8859_1);
    InputStream pieces = new ByteArrayInputStream(bytes) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 1 + random.nextInt(70_000)));
      }
    };
    LineReader r = new LineReader(pieces, 1 << 20);
    for (String line : expected) {
      assertTrue(r.next());
      assertEquals(line, new String(r.bytes(), 0, r.length(), StandardCharsets.ISO_8859_1));
    }
    assertFalse(r.next());
    assertEquals(bytes.length, r.bytesRead());
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
