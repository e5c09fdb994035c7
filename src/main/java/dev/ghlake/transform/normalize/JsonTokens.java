package dev.ghlake.transform.normalize;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Typed reads of the value a streaming parser is at, with the meaning {@link JsonValues} gives
 * tree nodes: null when the value is of an unusable type. The value is always consumed.
 */
final class JsonTokens {
  private JsonTokens() {}

  static String text(JsonParser p, JsonToken v) throws IOException {
    if (v == JsonToken.VALUE_STRING) {
      return p.getText();
    }
    p.skipChildren();
    return null;
  }

  /** A number that fits a long, or a string of digits (the 2011 archive writes some ids so). */
  static Long whole(JsonParser p, JsonToken v) throws IOException {
    if (v == JsonToken.VALUE_NUMBER_INT) {
      JsonParser.NumberType n = p.getNumberType();
      return n == JsonParser.NumberType.INT || n == JsonParser.NumberType.LONG ? p.getLongValue() : null;
    }
    if (v == JsonToken.VALUE_STRING) {
      String s = p.getText();
      return JsonValues.isDigits(s) ? Long.parseLong(s) : null;
    }
    p.skipChildren();
    return null;
  }

  static Boolean bool(JsonParser p, JsonToken v) throws IOException {
    if (v == JsonToken.VALUE_TRUE || v == JsonToken.VALUE_FALSE) {
      return v == JsonToken.VALUE_TRUE;
    }
    p.skipChildren();
    return null;
  }

  /** JSON's name for a value's type, as messages say it ("number", "array"…). */
  static String typeName(JsonToken t) {
    return switch (t) {
      case START_OBJECT -> "object";
      case START_ARRAY -> "array";
      case VALUE_STRING -> "string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
      case VALUE_TRUE, VALUE_FALSE -> "boolean";
      case VALUE_NULL -> "null";
      default -> t.name().toLowerCase();
    };
  }
}
