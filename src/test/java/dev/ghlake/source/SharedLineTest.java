package dev.ghlake.source;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/** Lines GH Archive's files hold more than one event on, taken apart; long runs streamed. */
public class SharedLineTest {
  private static final String A = "{\"id\":\"1\",\"payload\":{\"s\":\"} {\\\"x\\\":[1]}\"}}";
  private static final String B = "{\"id\":\"2\",\"payload\":{}}";

  private static List<String> pieces(String line) {
    byte[] b = line.getBytes(UTF_8);
    List<String> out = new ArrayList<>();
    for (SharedLine.Piece p : SharedLine.split(b, b.length)) {
      out.add((p.object() ? "" : "!") + new String(b, p.start(), p.length(), UTF_8));
    }
    return out;
  }

  @Test
  public void objectsWrittenOneAfterAnotherArePiecesOfTheirOwn() {
    assertEquals(List.of(A, B), pieces(A + B));
    assertEquals(List.of(A, B), pieces(A + "  " + B + " "));
    assertEquals(List.of(A), pieces(A)); // braces and quotes inside strings do not split
  }

  @Test
  public void aCutEventIsOnePieceAndTheEventGluedOnIsKept() {
    String cut = A.substring(0, 20); // inside the payload's string
    assertEquals(List.of("!" + cut, B), pieces(cut + B));
    // nested objects of the broken event are followed by a comma: never taken for events
    String broken = "{\"id\":\"3\",\"actor\":{\"id\":1},\"payload\":{\"t\":\"x";
    assertEquals(List.of("!" + broken, B), pieces(broken + B));
  }

  @Test
  public void aRunOfNulBytesIsAPieceOfItsOwn() {
    assertEquals(List.of(A, "!\0\0\0\0", B), pieces(A + "\0\0\0\0" + B));
    assertEquals(1, pieces("\0\0\0").size());
  }

  @Test
  public void aLineWithoutNewlinesLongerThanTheMaximumStreamsInPiecesOfWholeValues() throws Exception {
    StringBuilder file = new StringBuilder();
    for (int i = 0; i < 500; i++) {
      file.append("{\"id\":\"").append(i).append("\",\"p\":\"").append("x".repeat(i % 50)).append("\"}");
    }
    LineReader reader = new LineReader(new ByteArrayInputStream(file.toString().getBytes(UTF_8)), 1000);
    StringBuilder again = new StringBuilder();
    int pieces = 0;
    while (reader.next()) {
      assertTrue(!reader.wasCut() && reader.length() <= 1000 && reader.lineNumber() == 1);
      String piece = new String(reader.bytes(), 0, reader.length(), UTF_8);
      assertTrue(piece, piece.startsWith("{") && piece.endsWith("}"));
      again.append(piece);
      pieces++;
    }
    assertEquals(file.toString(), again.toString());
    assertTrue(pieces > 10);
  }

  @Test
  public void aValueLongerThanTheMaximumIsCutAndTheValuesAfterItAreKept() throws Exception {
    String huge = "{\"id\":\"big\",\"p\":\"" + "y".repeat(5000) + "\"}";
    LineReader reader = new LineReader(new ByteArrayInputStream((huge + B + B).getBytes(UTF_8)), 1000);
    assertTrue(reader.next());
    assertTrue(reader.wasCut());
    List<String> after = new ArrayList<>();
    while (reader.next()) {
      after.add(new String(reader.bytes(), 0, reader.length(), UTF_8));
    }
    assertEquals(List.of(B + B), after);
  }
}
