package dev.ghlake.transform.normalize;

import com.fasterxml.jackson.databind.JsonNode;

/** Typed reads of optional JSON fields: null when absent, JSON null or of an unusable type. */
final class JsonValues {
  private JsonValues() {}

  static String text(JsonNode parent, String field) {
    JsonNode n = parent == null ? null : parent.get(field);
    return n != null && n.isTextual() ? n.textValue() : null;
  }

  /** Numbers, or strings holding a whole number (the 2011 archive writes some ids as strings). */
  static Long whole(JsonNode parent, String field) {
    JsonNode n = parent == null ? null : parent.get(field);
    if (n == null) {
      return null;
    }
    if (n.isIntegralNumber() && n.canConvertToLong()) {
      return n.longValue();
    }
    if (n.isTextual() && isDigits(n.textValue())) {
      return Long.parseLong(n.textValue());
    }
    return null;
  }

  static Boolean bool(JsonNode parent, String field) {
    JsonNode n = parent == null ? null : parent.get(field);
    return n != null && n.isBoolean() ? n.booleanValue() : null;
  }

  /** The child if it is a JSON object, else null. */
  static JsonNode object(JsonNode parent, String field) {
    JsonNode n = parent == null ? null : parent.get(field);
    return n != null && n.isObject() ? n : null;
  }

  static boolean isPresent(JsonNode n) {
    return n != null && !n.isNull() && !n.isMissingNode();
  }

  static boolean isDigits(String s) {
    if (s.isEmpty() || s.length() > 18) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
