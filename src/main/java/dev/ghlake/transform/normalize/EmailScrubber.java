package dev.ghlake.transform.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Scrubs commit author emails in push payloads exactly where and how GH Archive's own loader
 * does, so the lake matches GH Archive's BigQuery tables.
 *
 * <p>Where: {@code payload.shas[i][1]} (2011–2014 pushes) and {@code
 * payload.commits[i].author.email} (2015 on). How: {@code local@domain} becomes {@code
 * sha1(local)@domain}; a value that is not an email (missing {@code @}, shorter than 3 characters)
 * becomes {@code sha1(value)}, and a null or absent email becomes {@code sha1("")} (the loader
 * hashes Ruby's {@code nil.to_s}).
 */
public final class EmailScrubber {
  private static final HexFormat HEX = HexFormat.of();

  private EmailScrubber() {}

  /** Scrubs the payload in place. */
  public static void scrubPayload(JsonNode payload) {
    if (payload == null || !payload.isObject()) {
      return;
    }
    JsonNode shas = payload.get("shas");
    if (shas != null && shas.isArray()) {
      for (JsonNode sha : shas) {
        if (sha.isArray() && sha.size() > 1 && (sha.get(1).isTextual() || sha.get(1).isNull())) {
          ((ArrayNode) sha).set(1, scrub(sha.get(1).isNull() ? "" : sha.get(1).textValue()));
        }
      }
      return;
    }
    JsonNode commits = payload.get("commits");
    if (commits != null && commits.isArray()) {
      for (JsonNode commit : commits) {
        JsonNode author = commit.get("author");
        if (author == null || !author.isObject()) {
          continue;
        }
        JsonNode email = author.get("email");
        if (email == null || email.isNull()) { // as GH Archive's loader: no email hashes ""
          ((ObjectNode) author).put("email", scrub(""));
        } else if (email.isTextual()) {
          ((ObjectNode) author).put("email", scrub(email.textValue()));
        }
      }
    }
  }

  /** The scrubbed form of one email value. */
  public static String scrub(String email) {
    String trimmed = email.strip();
    int at = trimmed.indexOf('@');
    if (trimmed.length() < 3 || at < 0) {
      return sha1(email);
    }
    int domainEnd = trimmed.indexOf('@', at + 1);
    String domain = trimmed.substring(at + 1, domainEnd < 0 ? trimmed.length() : domainEnd);
    return sha1(trimmed.substring(0, at)) + "@" + domain;
  }

  private static String sha1(String s) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      return HEX.formatHex(sha1.digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-1", e);
    }
  }
}
