package dev.ghlake.source.bigquery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Rebuilds a GH Archive BigQuery row ({@code githubarchive.day.*} schema: type, public, payload
 * as JSON text, repo/actor/org records, created_at TIMESTAMP, id, other) as the Events-API-shaped
 * event the normaliser reads, so both sources give the same columns by the same code.
 *
 * <p>{@code other} (the fields GH Archive's loader did not map, e.g. 2013–2014 repository
 * details) is not needed for any column and is left out. Payload emails in these rows are already
 * scrubbed by GH Archive: normalise them without scrubbing again.
 */
public final class BigQueryRows {
  private static final ObjectMapper JSON = new ObjectMapper();

  private BigQueryRows() {}

  /** The event of one row, given as JSON (a TableRow, or an Avro record rendered as JSON). */
  public static ObjectNode toEvent(JsonNode row) throws JsonProcessingException {
    ObjectNode event = JSON.createObjectNode();
    copy(row, "id", event);
    copy(row, "type", event);
    copy(row, "public", event);
    copy(row, "actor", event);
    copy(row, "repo", event);
    copy(row, "org", event);
    JsonNode createdAt = row.get("created_at");
    if (createdAt != null && createdAt.isNumber()) { // Avro TIMESTAMP: microseconds since the epoch
      event.put("created_at", Instant.EPOCH.plus(createdAt.longValue(), ChronoUnit.MICROS).toString());
    } else {
      copy(row, "created_at", event);
    }
    JsonNode payload = row.get("payload");
    if (payload != null && payload.isTextual()) {
      event.set("payload", JSON.readTree(payload.textValue()));
    }
    return event;
  }

  private static void copy(JsonNode from, String field, ObjectNode to) {
    JsonNode v = from.get(field);
    if (v != null && !v.isNull()) {
      to.set(field, v);
    }
  }
}
