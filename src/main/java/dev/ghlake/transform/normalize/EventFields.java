package dev.ghlake.transform.normalize;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ghlake.model.RejectReason;
import java.io.IOException;
import java.time.format.DateTimeParseException;

/**
 * The top-level fields of one archive line, read by a single streaming pass that builds trees
 * only for the small objects (actor, repository, org) and steps over the payload, keeping where
 * it lies. The pass checks everything a line is rejected for (syntax anywhere, type, time, field
 * types), so the window and the filters can be decided before any payload work is done.
 */
public final class EventFields {
  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory FACTORY = MAPPER.getFactory();

  private final byte[] bytes;
  private JsonNode type;
  private JsonNode createdAtNode;
  JsonNode id;
  JsonNode actor;
  JsonNode actorAttributes;
  JsonNode repo;
  JsonNode repository;
  JsonNode org;
  JsonNode publicFlag;
  private int payloadStart = -1;
  private int payloadEnd;
  private JsonNode payload;

  String typeName;
  long createdAt;
  Long actorId;
  String actorLogin;
  Long repoId;
  String repoName;
  Long orgId;
  String orgLogin;

  private EventFields(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * Reads and checks a line. The bytes must not change while the fields are used.
   *
   * @throws NormalizationException when the line is not an event, with the reason
   */
  public static EventFields scan(byte[] bytes, int length) throws NormalizationException {
    EventFields f = new EventFields(bytes);
    try (JsonParser p = FACTORY.createParser(bytes, 0, length)) {
      f.readObject(p);
    } catch (JsonProcessingException e) {
      throw new NormalizationException(RejectReason.INVALID_JSON, e.getOriginalMessage());
    } catch (IOException e) {
      throw new NormalizationException(RejectReason.INVALID_JSON, e.toString());
    }
    f.typeName = requiredType(f.type);
    f.createdAt = requiredTime(f.createdAtNode);
    IdentityFields.fill(f);
    return f;
  }

  private void readObject(JsonParser p) throws IOException, NormalizationException {
    JsonToken t = p.nextToken();
    if (t != JsonToken.START_OBJECT) {
      String what = t == null ? "an empty line" : "a JSON " + kind(t);
      throw new NormalizationException(RejectReason.NOT_AN_EVENT, what + ", not an object");
    }
    for (t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      switch (field) {
        case "type" -> type = MAPPER.readTree(p);
        case "created_at" -> createdAtNode = MAPPER.readTree(p);
        case "id" -> id = MAPPER.readTree(p);
        case "actor" -> actor = MAPPER.readTree(p);
        case "actor_attributes" -> actorAttributes = MAPPER.readTree(p);
        case "repo" -> repo = MAPPER.readTree(p);
        case "repository" -> repository = MAPPER.readTree(p);
        case "org" -> org = MAPPER.readTree(p);
        case "public" -> publicFlag = MAPPER.readTree(p);
        case "payload" -> readPayload(p, value);
        default -> p.skipChildren();
      }
    }
    if (p.nextToken() != null) {
      throw new NormalizationException(RejectReason.INVALID_JSON,
          "more than one JSON value on the line (" + p.currentToken() + " after the object)");
    }
  }

  /** Objects and arrays are stepped over, their place kept; scalars are small, read at once. */
  private void readPayload(JsonParser p, JsonToken value) throws IOException {
    if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
      payloadStart = (int) p.currentTokenLocation().getByteOffset();
      p.skipChildren();
      payloadEnd = (int) p.currentLocation().getByteOffset();
      payload = null;
    } else {
      payloadStart = -1;
      payload = MAPPER.readTree(p);
    }
  }

  /** The payload as a tree (parsed on first use), or null when the event has none. */
  JsonNode payload() throws NormalizationException {
    if (payload == null && payloadStart >= 0) {
      try {
        payload = MAPPER.readTree(bytes, payloadStart, payloadEnd - payloadStart);
      } catch (IOException e) { // the scan read it already: cannot happen for the same bytes
        throw new NormalizationException(RejectReason.INVALID_JSON, e.getMessage());
      }
    }
    return payload == null || payload.isNull() || payload.isMissingNode() ? null : payload;
  }

  public String type() {
    return typeName;
  }

  /** {@code created_at} in UTC microseconds. */
  public long createdAt() {
    return createdAt;
  }

  public String repoName() {
    return repoName;
  }

  /** The org login, or the repository's owner when the event names no org. */
  public String orgOrOwner() {
    if (orgLogin != null || repoName == null) {
      return orgLogin;
    }
    int slash = repoName.indexOf('/');
    return slash > 0 ? repoName.substring(0, slash) : null;
  }

  public String actorLogin() {
    return actorLogin;
  }

  private static String requiredType(JsonNode type) throws NormalizationException {
    if (type == null || type.isNull()) {
      throw new NormalizationException(RejectReason.NOT_AN_EVENT, "no 'type'");
    }
    if (!type.isTextual() || type.textValue().isBlank()) {
      throw new NormalizationException(RejectReason.WRONG_FIELD_TYPE, "'type' is not a name");
    }
    return type.textValue();
  }

  private static long requiredTime(JsonNode createdAt) throws NormalizationException {
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

  private static String kind(JsonToken t) {
    return switch (t) {
      case START_ARRAY -> "array";
      case VALUE_STRING -> "string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
      case VALUE_TRUE, VALUE_FALSE -> "boolean";
      case VALUE_NULL -> "null";
      default -> t.name().toLowerCase();
    };
  }
}
