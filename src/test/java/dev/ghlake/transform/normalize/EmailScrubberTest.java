package dev.ghlake.transform.normalize;

import static org.junit.Assert.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.Test;

public class EmailScrubberTest {
  @Test
  public void hashesTheLocalPartAndKeepsTheDomain() {
    // sha1("robert"), as in GH Archive's BigQuery row for this commit
    assertEquals("12e9293ec6b30c7fa8a0926af42807e929c1684f@codewranglers.org",
        EmailScrubber.scrub("robert@codewranglers.org"));
    assertEquals(EmailScrubber.scrub("robert@codewranglers.org"),
        EmailScrubber.scrub("  robert@codewranglers.org "));
  }

  @Test
  public void hashesWholeValuesThatAreNotEmails() throws Exception {
    // sha1("") and sha1("nobody"): no '@', or too short, is hashed whole
    assertEquals("da39a3ee5e6b4b0d3255bfef95601890afd80709", EmailScrubber.scrub(""));
    assertEquals(sha1Hex("nobody"), EmailScrubber.scrub("nobody"));
    assertEquals(sha1Hex("a@"), EmailScrubber.scrub("a@")); // shorter than 3: hashed whole
  }

  private static String sha1Hex(String s) throws Exception {
    return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1")
        .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  @Test
  public void scrubsOnlyCommitAuthorsInBothPushShapes() throws Exception {
    ObjectMapper json = new ObjectMapper();
    JsonNode old = json.readTree("{\"shas\":[[\"s\",\"a@x.org\",\"msg a@x.org\",\"A\"]]}");
    EmailScrubber.scrubPayload(old);
    assertEquals(EmailScrubber.scrub("a@x.org"), old.get("shas").get(0).get(1).asText());
    assertEquals("msg a@x.org", old.get("shas").get(0).get(2).asText()); // GH Archive leaves messages
    JsonNode modern = json.readTree("{\"commits\":[{\"author\":{\"email\":\"b@y.io\"}},{\"author\":null},"
        + "{\"author\":{\"email\":null,\"name\":\"V <>\"}}]}");
    EmailScrubber.scrubPayload(modern);
    assertEquals(EmailScrubber.scrub("b@y.io"), modern.at("/commits/0/author/email").asText());
    // GH Archive hashes a null email as sha1("") (seen in the real 2012 hour's BigQuery rows)
    assertEquals("da39a3ee5e6b4b0d3255bfef95601890afd80709", modern.at("/commits/2/author/email").asText());
  }
}
