package dev.ghlake.transform.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

/**
 * A deterministic {@code event_id} for events the archive gave none (2013–2014).
 *
 * <p>{@code d-} followed by the first 32 hex digits of SHA-256 over, separated by U+0001: type,
 * created_at in UTC microseconds, actor login, repo {@code owner/name}, and the (already scrubbed)
 * payload written as canonical JSON (object keys sorted, no spaces). Only normalised values go in,
 * so the same event read from a file or from GH Archive's BigQuery rows gets the same id, and two
 * copies of one event collapse into one row.
 */
public final class DerivedEventId {
  public static final String PREFIX = "d-";
  private static final HexFormat HEX = HexFormat.of();

  private DerivedEventId() {}

  public static String of(
      String type, long createdAtMicros, String actorLogin, String repoName, JsonNode payload) {
    StringBuilder key = new StringBuilder(256)
        .append(type).append('\u0001')
        .append(createdAtMicros).append('\u0001')
        .append(actorLogin).append('\u0001')
        .append(repoName).append('\u0001');
    canonical(payload, key);
    return PREFIX + HEX.formatHex(sha256(key.toString()), 0, 16);
  }

  /** Canonical JSON: keys sorted, numbers and strings as Jackson writes them. */
  static void canonical(JsonNode node, StringBuilder out) {
    if (node == null || node.isMissingNode()) {
      out.append("null");
    } else if (node.isObject()) {
      List<String> names = new ArrayList<>(node.size());
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        names.add(it.next());
      }
      names.sort(null);
      out.append('{');
      for (int i = 0; i < names.size(); i++) {
        out.append(i == 0 ? "" : ",").append(quoted(names.get(i))).append(':');
        canonical(node.get(names.get(i)), out);
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      for (int i = 0; i < node.size(); i++) {
        out.append(i == 0 ? "" : ",");
        canonical(node.get(i), out);
      }
      out.append(']');
    } else {
      out.append(node.toString());
    }
  }

  private static String quoted(String s) {
    return com.fasterxml.jackson.databind.node.TextNode.valueOf(s).toString();
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
