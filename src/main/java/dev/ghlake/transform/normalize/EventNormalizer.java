package dev.ghlake.transform.normalize;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ghlake.model.EventSchema;
import dev.ghlake.model.RejectReason;
import java.time.format.DateTimeParseException;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * Turns one archive line (any era) into one row of {@link EventSchema}, or says why it cannot.
 *
 * <p>The line is parsed once into a tree; every column is read from that tree. Not thread-safe
 * state-wise only in the sense that the mapper is shared, which Jackson allows.
 */
public final class EventNormalizer {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final boolean scrubEmails;

  public EventNormalizer(boolean scrubEmails) {
    this.scrubEmails = scrubEmails;
  }

  public GenericRecord normalize(String line) throws NormalizationException {
    return normalize(parse(line));
  }

  /** The same, for an event already parsed into a tree (e.g. rebuilt from a BigQuery row). */
  public GenericRecord normalize(JsonNode event) throws NormalizationException {
    if (event == null || !event.isObject()) {
      throw new NormalizationException(RejectReason.NOT_AN_EVENT, "not an object");
    }
    String type = requiredType(event);
    long createdAt = requiredTime(event);
    GenericRecord out = new GenericData.Record(EventSchema.SCHEMA);
    out.put(EventSchema.TYPE, type);
    out.put(EventSchema.CREATED_AT, createdAt);
    IdentityFields.fill(event, out);
    JsonNode publicFlag = event.get("public");
    out.put(EventSchema.PUBLIC, publicFlag != null && publicFlag.isBoolean()
        ? publicFlag.booleanValue() : null);

    JsonNode payload = event.get("payload");
    if (scrubEmails) {
      EmailScrubber.scrubPayload(payload);
    }
    out.put(EventSchema.PAYLOAD, JsonValues.isPresent(payload) ? payload.toString() : null);
    PayloadColumns.fill(type, payload, out);
    out.put(EventSchema.EVENT_ID, eventId(event, type, createdAt, out, payload));
    return out;
  }

  private static JsonNode parse(String line) throws NormalizationException {
    JsonNode event;
    try {
      event = MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      throw new NormalizationException(RejectReason.INVALID_JSON, e.getOriginalMessage());
    }
    if (event == null || !event.isObject()) {
      String what = event == null ? "an empty line" : "a JSON " + event.getNodeType().name().toLowerCase();
      throw new NormalizationException(RejectReason.NOT_AN_EVENT, what + ", not an object");
    }
    return event;
  }

  private static String requiredType(JsonNode event) throws NormalizationException {
    JsonNode type = event.get("type");
    if (type == null || type.isNull()) {
      throw new NormalizationException(RejectReason.NOT_AN_EVENT, "no 'type'");
    }
    if (!type.isTextual() || type.textValue().isBlank()) {
      throw new NormalizationException(RejectReason.WRONG_FIELD_TYPE, "'type' is not a name");
    }
    return type.textValue();
  }

  private static long requiredTime(JsonNode event) throws NormalizationException {
    JsonNode createdAt = event.get("created_at");
    if (createdAt == null || createdAt.isNull()) {
      throw new NormalizationException(RejectReason.NOT_AN_EVENT, "no 'created_at'");
    }
    if (!createdAt.isTextual()) {
      throw new NormalizationException(RejectReason.BAD_TIMESTAMP, "'created_at' is not text");
    }
    try {
      return EventTime.parseMicros(createdAt.textValue());
    } catch (DateTimeParseException e) {
      throw new NormalizationException(
          RejectReason.BAD_TIMESTAMP, "unreadable 'created_at': " + createdAt.textValue());
    }
  }

  private static String eventId(
      JsonNode event, String type, long createdAt, GenericRecord out, JsonNode payload) {
    JsonNode id = event.get("id");
    if (id != null && (id.isTextual() || id.isIntegralNumber()) && !id.asText().isEmpty()) {
      return id.asText();
    }
    return DerivedEventId.of(
        type,
        createdAt,
        (String) out.get(EventSchema.ACTOR_LOGIN),
        (String) out.get(EventSchema.REPO_NAME),
        payload);
  }
}
