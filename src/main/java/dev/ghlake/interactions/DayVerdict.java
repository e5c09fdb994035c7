package dev.ghlake.interactions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * What became of one planned day: committed (the table holds the run's rows for it), or refused
 * and why; written by the commit as {@code interactions/_runs/<run>/<day>.json}, read by the run.
 */
public record DayVerdict(String day, boolean committed, long eventsRead, long rows, String reason)
    implements java.io.Serializable {
  private static final ObjectMapper JSON = new ObjectMapper();

  String toJson() {
    return JSON.createObjectNode().put("day", day).put("committed", committed)
        .put("events_read", eventsRead).put("rows", rows).put("reason", reason).toString();
  }

  static DayVerdict fromJson(String text) throws IOException {
    JsonNode n = JSON.readTree(text);
    return new DayVerdict(n.path("day").asText(), n.path("committed").asBoolean(),
        n.path("events_read").asLong(), n.path("rows").asLong(),
        n.path("reason").isNull() ? null : n.path("reason").asText());
  }
}
