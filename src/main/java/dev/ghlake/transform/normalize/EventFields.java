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
 * The top-level fields of one archive line, read by a single streaming pass that builds no tree:
 * scalars are read as they come, the small objects (actor, repository, org) field by field, and
 * the payload is stepped over, its place kept. The pass checks everything a line is rejected for
 * (syntax anywhere, type, time, field types), so the window and the filters can be decided
 * before any payload work is done.
 */
public final class EventFields {
  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory FACTORY = MAPPER.getFactory();

  private final byte[] bytes;
  private SmallObject type = SmallObject.ABSENT;
  private SmallObject createdAtValue = SmallObject.ABSENT;
  String id;
  SmallObject actor = SmallObject.ABSENT;
  SmallObject actorAttributes = SmallObject.ABSENT;
  SmallObject repo = SmallObject.ABSENT;
  SmallObject repository = SmallObject.ABSENT;
  SmallObject org = SmallObject.ABSENT;
  Boolean publicFlag;
  private int payloadStart = -1;
  private int payloadEnd;
  private JsonNode payload;
  private boolean payloadRead;
  PayloadColumns payloadColumns;

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
    f.createdAt = requiredTime(f.createdAtValue);
    IdentityFields.fill(f);
    return f;
  }

  private void readObject(JsonParser p) throws IOException, NormalizationException {
    JsonToken t = p.nextToken();
    if (t != JsonToken.START_OBJECT) {
      String what = t == null ? "an empty line" : "a JSON " + JsonTokens.typeName(t);
      throw new NormalizationException(RejectReason.NOT_AN_EVENT, what + ", not an object");
    }
    for (t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      switch (field) {
        case "type" -> type = SmallObject.read(p, value);
        case "created_at" -> createdAtValue = SmallObject.read(p, value);
        case "id" -> id = idText(p, value);
        case "actor" -> actor = SmallObject.read(p, value);
        case "actor_attributes" -> actorAttributes = SmallObject.read(p, value);
        case "repo" -> repo = SmallObject.read(p, value);
        case "repository" -> repository = SmallObject.read(p, value);
        case "org" -> org = SmallObject.read(p, value);
        case "public" -> publicFlag = JsonTokens.bool(p, value);
        case "payload" -> readPayload(p, value);
        default -> p.skipChildren();
      }
    }
    if (p.nextToken() != null) {
      throw new NormalizationException(RejectReason.INVALID_JSON,
          "more than one JSON value on the line (" + p.currentToken() + " after the object)");
    }
  }

  /** The event's own id: text, or a whole number written as its digits; else null. */
  private static String idText(JsonParser p, JsonToken v) throws IOException {
    if (v == JsonToken.VALUE_STRING) {
      return p.getText();
    }
    if (v == JsonToken.VALUE_NUMBER_INT) {
      return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
          ? p.getBigIntegerValue().toString() : Long.toString(p.getLongValue());
    }
    p.skipChildren();
    return null;
  }

  /**
   * An object payload is read for its columns and an array stepped over, their place kept;
   * anything else is read as a tree.
   */
  private void readPayload(JsonParser p, JsonToken value) throws IOException {
    payloadRead = false;
    payloadColumns = null;
    if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
      payloadStart = (int) p.currentTokenLocation().getByteOffset();
      if (value == JsonToken.START_OBJECT) {
        payloadColumns = PayloadColumns.read(p); // reads it to its end: the pass it needs anyway
      } else {
        p.skipChildren();
      }
      payloadEnd = (int) p.currentLocation().getByteOffset();
      payload = null;
    } else {
      payloadStart = -1;
      payload = MAPPER.readTree(p);
      payloadRead = true;
    }
  }

  /** Whether the payload is an object or array whose bytes can be kept as they are. */
  boolean payloadIsStructure() {
    return payloadStart >= 0;
  }

  int payloadStart() {
    return payloadStart;
  }

  int payloadLength() {
    return payloadEnd - payloadStart;
  }

  byte[] bytes() {
    return bytes;
  }

  /** The payload as a tree (parsed on first use), or null when the event has none. */
  JsonNode payload() throws NormalizationException {
    if (!payloadRead && payloadStart >= 0) {
      try {
        payload = MAPPER.readTree(bytes, payloadStart, payloadEnd - payloadStart);
      } catch (IOException e) { // the scan read it already: cannot happen for the same bytes
        throw new NormalizationException(RejectReason.INVALID_JSON, e.getMessage());
      }
      payloadRead = true;
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

  private static String requiredType(SmallObject type) throws NormalizationException {
    if (!type.isPresent()) {
      throw new NormalizationException(RejectReason.NOT_AN_EVENT, "no 'type'");
    }
    if (type.kind != SmallObject.Kind.TEXT || type.text.isBlank()) {
      throw new NormalizationException(RejectReason.WRONG_FIELD_TYPE, "'type' is not a name");
    }
    return type.text;
  }

  private static long requiredTime(SmallObject createdAt) throws NormalizationException {
    if (!createdAt.isPresent()) {
      throw new NormalizationException(RejectReason.NOT_AN_EVENT, "no 'created_at'");
    }
    if (createdAt.kind != SmallObject.Kind.TEXT) {
      throw new NormalizationException(RejectReason.BAD_TIMESTAMP, "'created_at' is not text");
    }
    try {
      return EventTime.parseMicros(createdAt.text);
    } catch (DateTimeParseException e) {
      throw new NormalizationException(
          RejectReason.BAD_TIMESTAMP, "unreadable 'created_at': " + createdAt.text);
    }
  }
}
