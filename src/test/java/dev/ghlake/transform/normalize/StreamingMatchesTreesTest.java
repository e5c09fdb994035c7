package dev.ghlake.transform.normalize;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ghlake.testing.RealPushes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.Test;

/**
 * The hot path reads JSON by streaming, never building trees; these check that it gives exactly
 * what the tree-based reading gave: scrubbed payload text, and times.
 */
public class StreamingMatchesTreesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  public void aScrubbedCopyIsTheTextOfTheScrubbedTreeForEveryRealPush() throws Exception {
    List<String> lines = new ArrayList<>(RealPushes.lines());
    int checked = 0;
    for (String line : lines) {
      JsonNode payload = JSON.readTree(line).get("payload");
      if (payload == null || !payload.isObject()) {
        continue;
      }
      EmailScrubber.Emails where = payload.path("shas").isArray() ? EmailScrubber.Emails.SHAS
          : payload.path("commits").isArray() ? EmailScrubber.Emails.COMMITS : EmailScrubber.Emails.NONE;
      if (where == EmailScrubber.Emails.NONE) {
        continue;
      }
      byte[] raw = JSON.writeValueAsBytes(payload);
      String streamed = new String(EmailScrubber.scrubbedCopy(raw, 0, raw.length, where), StandardCharsets.UTF_8);
      EmailScrubber.scrubPayload(payload);
      assertEquals(payload.toString(), streamed);
      checked++;
    }
    assertTrue("real pushes were checked: " + checked, checked > 1_000);
  }

  @Test
  public void theFastTimeReadingAgreesWithTheFormatters() {
    Random random = new Random(7);
    DateTimeFormatter iso = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    for (int i = 0; i < 200_000; i++) {
      Instant t = Instant.ofEpochSecond(978_307_200L + (long) (random.nextDouble() * 1_000_000_000L));
      ZoneOffset offset = i % 3 == 0 ? ZoneOffset.UTC : ZoneOffset.ofHoursMinutes(random.nextInt(25) - 12, 0);
      String text = OffsetDateTime.ofInstant(t, offset).format(iso);
      assertEquals(text, t.getEpochSecond() * 1_000_000L, EventTime.parseMicros(text));
    }
  }
}
