package dev.ghlake.transform.normalize;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import dev.ghlake.model.EventRow;
import dev.ghlake.source.synthetic.SyntheticEventGenerator;
import dev.ghlake.testing.RealPushes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/**
 * Scrubbing by editing the payload's bytes at the sites the line's pass noted must give exactly
 * the text of the token-by-token copy ({@link EmailScrubber#scrubbedCopy}), and must give way to
 * that copy whenever the payload is not spelt as Jackson writes it.
 */
public class EmailSplicingTest {

  @Test
  public void theEditedPayloadIsTheCopiedOneForEveryRealAndSyntheticPush() throws Exception {
    List<String> lines = new ArrayList<>(RealPushes.lines());
    SyntheticEventGenerator synthetic = new SyntheticEventGenerator(11);
    for (long i = 0; i < 20_000; i++) {
      lines.add(synthetic.event(i, Instant.parse("2024-07-01T00:00:00Z")));
    }
    int edited = 0;
    int copied = 0;
    for (String line : lines) {
      byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
      EventFields f = EventFields.scan(bytes, bytes.length);
      if (f.payloadColumns == null || f.payloadColumns.emails() == EmailScrubber.Emails.NONE) {
        continue;
      }
      byte[] expected = EmailScrubber.scrubbedCopy(bytes, f.payloadStart(), f.payloadLength(),
          f.payloadColumns.emails());
      byte[] spliced = EmailScrubber.splicedCopy(bytes, f.payloadStart(), f.payloadLength(),
          f.payloadColumns.emailSites());
      if (spliced == null) {
        copied++;
      } else {
        edited++;
        assertEquals(new String(expected, StandardCharsets.UTF_8), new String(spliced, StandardCharsets.UTF_8));
      }
      assertArrayEquals("the row's payload is the copy's text", expected, payloadOf(bytes));
    }
    assertTrue("most pushes are edited in place: " + edited + " edited, " + copied + " copied",
        edited > 10_000 && edited > 4 * copied);
  }

  @Test
  public void everyShapeOfAuthorAndEmailGivesTheCopiedText() throws Exception {
    List<String> payloads = List.of(
        "{\"commits\":[{\"sha\":\"a1\",\"author\":{\"email\":\"dev@example.com\",\"name\":\"D\"},\"distinct\":true}]}",
        "{\"commits\":[{\"author\":{\"name\":\"no email\"}},{\"author\":{}},{\"author\":{\"email\":null}}]}",
        "{\"commits\":[{\"author\":{\"email\":5,\"name\":\"n\"}},{\"author\":\"text\"},7,null,[1]]}",
        "{\"commits\":[{\"author\":{\"email\":\" pad@x \"}},{\"author\":{\"email\":\"ab\"}},{\"author\":{\"email\":\"a@b@c\"}}]}",
        "{\"commits\":[{\"author\":{\"email\":\"q@do\\\"m\\\\ain\\u001Fx\\n\"}}]}",
        "{\"commits\":[{\"author\":{\"email\":\"a@b\"}}],\"commits\":[{\"author\":{\"email\":\"c@d\"}}]}",
        "{\"shas\":[[\"s1\",\"e@x.org\",\"msg\",\"N\"],[\"s2\",null],[\"s3\",4],\"flat\",[\"s4\"]],\"commits\":[{\"author\":{\"email\":\"keep@me\"}}]}",
        "{\"size\":3,\"push_id\":-12,\"big\":123456789012345678901234567890,\"commits\":[{\"author\":{\"email\":\"x@y\"}}]}",
        "{\"shas\":7,\"commits\":[{\"author\":{\"email\":\"x@y\"}}]}");
    for (String payload : payloads) {
      byte[] line = push(payload);
      assertNotNull("edited in place: " + payload, spliced(line));
      assertArrayEquals(payload, copied(line), payloadOf(line));
    }
  }

  @Test
  public void aPayloadJacksonWouldSpellOtherwiseIsCopiedNotEdited() throws Exception {
    List<String> payloads = List.of(
        "{\"commits\":[{\"message\":\"a\\/b\",\"author\":{\"email\":\"x@y\"}}]}",
        "{\"commits\":[{\"message\":\"caf\\u00e9\",\"author\":{\"email\":\"x@y\"}}]}",
        "{\"commits\":[{\"message\":\"esc\\u001b\",\"author\":{\"email\":\"x@y\"}}]}",
        "{\"commits\":[{\"message\":\"bs\\u0008\",\"author\":{\"email\":\"x@y\"}}]}",
        "{\"commits\":[{\"message\":\"café\",\"author\":{\"email\":\"x@y\"}}]}",
        "{\"ratio\":1.50,\"commits\":[{\"author\":{\"email\":\"x@y\"}}]}",
        "{\"n\":1e3,\"commits\":[{\"author\":{\"email\":\"x@y\"}}]}",
        "{\"n\":-0,\"commits\":[{\"author\":{\"email\":\"x@y\"}}]}",
        "{\"commits\": [{\"author\":{\"email\":\"x@y\"}}]}",
        "{\"commits\":[{\"author\":{\"email\":\"x@y\"} }]}");
    for (String payload : payloads) {
      byte[] line = push(payload);
      assertNull("copied token by token: " + payload, spliced(line));
      assertArrayEquals(payload, copied(line), payloadOf(line));
    }
  }

  @Test
  public void theSpellingCheckSeesASpecialCharacterWhereverItFallsInAnEightByteStep() {
    for (int before = 0; before < 20; before++) {
      for (int after = 0; after < 12; after++) {
        String pad = "x".repeat(before);
        String tail = "y".repeat(after);
        assertTrue(canonical("{\"m\":\"" + pad + "\\\"q\\\\" + tail + "\"}"));
        assertTrue(canonical("{\"m\":\"" + pad + "\\u001F" + tail + "\",\"n\":-12}"));
        assertFalse(canonical("{\"m\":\"" + pad + "\\/" + tail + "\"}"));
        assertFalse(canonical("{\"m\":\"" + pad + "é" + tail + "\"}"));
        assertFalse(canonical("{\"m\":\"" + pad + "\t" + tail + "\"}")); // a raw tab
        assertFalse(canonical("{\"m\":\"" + pad + "\" " + tail + "\"}")); // a space after the string
      }
    }
  }

  private static boolean canonical(String json) {
    byte[] b = json.getBytes(StandardCharsets.UTF_8);
    return CanonicalJson.is(b, 0, b.length);
  }

  private static byte[] push(String payload) {
    return ("{\"id\":\"1\",\"type\":\"PushEvent\",\"created_at\":\"2015-01-01T00:00:00Z\","
        + "\"actor\":{\"id\":1,\"login\":\"a\"},\"repo\":{\"id\":2,\"name\":\"a/b\"},\"payload\":"
        + payload + ",\"public\":true}").getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] spliced(byte[] line) throws Exception {
    EventFields f = EventFields.scan(line, line.length);
    return EmailScrubber.splicedCopy(line, f.payloadStart(), f.payloadLength(), f.payloadColumns.emailSites());
  }

  private static byte[] copied(byte[] line) throws Exception {
    EventFields f = EventFields.scan(line, line.length);
    return EmailScrubber.scrubbedCopy(line, f.payloadStart(), f.payloadLength(), f.payloadColumns.emails());
  }

  private static byte[] payloadOf(byte[] line) throws Exception {
    EventRow row = new EventRow();
    new EventNormalizer(true).row(EventFields.scan(line, line.length), row);
    byte[] out = new byte[row.payloadLength()];
    System.arraycopy(row.payloadBytes(), row.payloadOffset(), out, 0, out.length);
    return out;
  }
}
