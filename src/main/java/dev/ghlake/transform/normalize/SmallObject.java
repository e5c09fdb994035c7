package dev.ghlake.transform.normalize;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * A top-level value of an event that is small (actor, repository, org) read by streaming: what it
 * is (absent, null, text, object, other) and, for an object, the few fields the columns come
 * from. No tree is built for it.
 */
final class SmallObject {
  /** What the value is. */
  enum Kind {
    ABSENT,
    NULL,
    TEXT,
    OBJECT,
    OTHER
  }

  /** The value of a key an event does not have: one for all (a value is never changed once read). */
  static final SmallObject ABSENT = new SmallObject();

  Kind kind = Kind.ABSENT;
  /** JSON's name for the value's type, for messages ("number", "array"…). */
  String typeName;
  /** The value itself, when it is text. */
  String text;
  Long id;
  String login;
  String name;
  String owner;
  String url;
  boolean hasOrganization;
  String organization;

  /** Reads the value the parser is at (its first token {@code v}); a repeated key replaces it. */
  static SmallObject read(JsonParser p, JsonToken v) throws IOException {
    SmallObject o = new SmallObject();
    o.typeName = JsonTokens.typeName(v);
    switch (v) {
      case VALUE_NULL -> o.kind = Kind.NULL;
      case VALUE_STRING -> {
        o.kind = Kind.TEXT;
        o.text = p.getText();
      }
      case START_OBJECT -> {
        o.kind = Kind.OBJECT;
        o.readFields(p);
      }
      default -> {
        o.kind = Kind.OTHER;
        p.skipChildren();
      }
    }
    return o;
  }

  private void readFields(JsonParser p) throws IOException {
    for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
      String field = p.currentName();
      JsonToken v = p.nextToken();
      switch (field) {
        case "id" -> id = JsonTokens.whole(p, v);
        case "login" -> login = JsonTokens.text(p, v);
        case "name" -> name = JsonTokens.text(p, v);
        case "owner" -> owner = JsonTokens.text(p, v);
        case "url" -> url = JsonTokens.text(p, v);
        case "organization" -> {
          hasOrganization = true;
          organization = JsonTokens.text(p, v);
        }
        default -> p.skipChildren();
      }
    }
  }

  /** Present and not JSON null. */
  boolean isPresent() {
    return kind != Kind.ABSENT && kind != Kind.NULL;
  }
}
