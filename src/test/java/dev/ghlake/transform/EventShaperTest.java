package dev.ghlake.transform;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import dev.ghlake.model.EventSchema;
import dev.ghlake.model.HourWindow;
import dev.ghlake.model.RejectReason;
import dev.ghlake.testing.Events;
import dev.ghlake.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.Test;

/** A line's fate, cheapest question first, with the reasons a full parse would give. */
public class EventShaperTest {
  private static EventShaper shaper(HourWindow window, String... filters) {
    FilterOptions options = PipelineOptionsFactory.fromArgs(filters).as(FilterOptions.class);
    long[] from = window == null ? new long[0] : new long[] {window.fromMicros()};
    long[] to = window == null ? new long[0] : new long[] {window.toMicros()};
    return new EventShaper(from, to, EventFilter.of(options), true);
  }

  private static EventShaper.Shaped shape(EventShaper shaper, String line) {
    byte[] b = line.getBytes(StandardCharsets.UTF_8);
    return shaper.shape(b, b.length, new EventShaper.Shaped());
  }

  @Test
  public void goodLinesBecomeRowsAndBadLinesRejectionsWithTheirReason() {
    EventShaper shaper = shaper(null);
    List<String> ids = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (String fixture : List.of("era-2011-events-api.jsonl", "era-2015-events-api.jsonl")) {
      for (String line : Fixtures.lines(fixture)) {
        EventShaper.Shaped s = shape(shaper, line);
        assertEquals(line, EventShaper.Fate.ROW, s.fate);
        ids.add(s.row.eventId);
      }
      Events.fromFixture(fixture).forEach(e -> expected.add(Events.id(e)));
    }
    assertEquals(expected, ids);
    assertEquals(RejectReason.INVALID_JSON, shape(shaper, "{\"type\":\"PushEvent\",").reason);
    assertEquals(RejectReason.NOT_AN_EVENT, shape(shaper, "[]").reason);
    assertEquals(RejectReason.BAD_TIMESTAMP,
        shape(shaper, "{\"type\":\"PushEvent\",\"created_at\":\"never\"}").reason);
    assertEquals(RejectReason.INVALID_JSON, shape(shaper, "{\"type\":\"PushEvent\"}{\"a\":1}").reason);
    assertEquals(RejectReason.WRONG_FIELD_TYPE, shape(shaper,
        "{\"type\":\"PushEvent\",\"created_at\":\"2024-07-01T00:00:00Z\",\"actor\":7}").reason);
  }

  @Test
  public void aRejectionWinsOverTheWindowAndTheFiltersAsAFullParseWouldDecide() {
    // outside the window and of an excluded type, but its payload is broken JSON: rejected
    EventShaper shaper = shaper(HourWindow.parse("2024-07-01T08", null), "--excludeTypes=PushEvent");
    String brokenPayload = "{\"type\":\"PushEvent\",\"created_at\":\"2011-01-01T00:00:00Z\","
        + "\"payload\":{\"a\":[1,2,}}";
    assertEquals(RejectReason.INVALID_JSON, shape(shaper, brokenPayload).reason);
    String outside = "{\"type\":\"PushEvent\",\"created_at\":\"2011-01-01T00:00:00Z\",\"payload\":{}}";
    assertEquals(EventShaper.Fate.OUTSIDE_WINDOW, shape(shaper, outside).fate);
    String excluded = "{\"type\":\"PushEvent\",\"created_at\":\"2024-07-01T08:30:00Z\",\"payload\":{}}";
    EventShaper.Shaped s = shape(shaper, excluded);
    assertEquals(EventShaper.Fate.FILTERED, s.fate);
    assertEquals(FilterReason.TYPE_EXCLUDED, s.filtered);
  }

  @Test
  public void bytesThatAreNotUtf8AreReplacedAndTheEventKept() {
    byte[] line = ("{\"id\":\"1\",\"type\":\"WatchEvent\",\"created_at\":\"2024-07-01T08:30:00Z\","
        + "\"payload\":{\"x\":\"a?b\"}}").getBytes(StandardCharsets.UTF_8);
    line[line.length - 5] = (byte) 0xff;
    EventShaper.Shaped s = shaper(null).shape(line, line.length, new EventShaper.Shaped());
    assertEquals(EventShaper.Fate.ROW, s.fate);
    assertTrue(s.repaired);
    assertNotNull(s.row);
    assertTrue(s.row.payloadText().contains("a\uFFFDb"));
  }
}
