package dev.ghlake.transform.normalize;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

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
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final ThreadLocal<MessageDigest> SHA1 = ThreadLocal.withInitial(EmailScrubber::newSha1);
  private static final JsonStringEncoder QUOTE = JsonStringEncoder.getInstance();
  /** The member added to an author without an email, as the re-written copy writes it. */
  private static final byte[] MISSING_ALONE =
      ("\"email\":\"" + sha1("") + "\"").getBytes(StandardCharsets.UTF_8);
  private static final byte[] MISSING_AFTER_MEMBER =
      ("," + new String(MISSING_ALONE, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);

  /** Where a payload keeps commit author emails, if anywhere. */
  public enum Emails {
    NONE,
    /** {@code shas[i][1]}, 2011–2014 (scrubbed first: a payload with both is read by its shas). */
    SHAS,
    /** {@code commits[i].author.email}, 2015 on. */
    COMMITS
  }

  private EmailScrubber() {}

  /**
   * A scrubbed copy of a payload object's JSON, made by streaming it token by token: the same
   * text {@link #scrubPayload} and a re-serialised tree give, without building the tree.
   */
  public static byte[] scrubbedCopy(byte[] bytes, int offset, int length, Emails where) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(length + 128);
    try (JsonParser p = FACTORY.createParser(bytes, offset, length);
        JsonGenerator g = FACTORY.createGenerator(out)) {
      p.nextToken();
      g.writeStartObject();
      for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
        String field = p.currentName();
        JsonToken v = p.nextToken();
        g.writeFieldName(field);
        if (v == JsonToken.START_ARRAY && where == Emails.SHAS && field.equals("shas")) {
          copyShas(p, g);
        } else if (v == JsonToken.START_ARRAY && where == Emails.COMMITS && field.equals("commits")) {
          copyCommits(p, g);
        } else {
          g.copyCurrentStructure(p);
        }
      }
      g.writeEndObject();
    }
    return out.toByteArray();
  }

  /**
   * The same scrubbed copy made by editing the payload's bytes at the email sites its reading
   * noted, or null when the payload is not in Jackson's own spelling (then only a re-written
   * copy gives the same text). Sites are given in line offsets, in order.
   */
  public static byte[] splicedCopy(byte[] bytes, int offset, int length, List<EmailSites.Site> sites) {
    if (!CanonicalJson.is(bytes, offset, offset + length)) {
      return null;
    }
    byte[][] inserts = new byte[sites.size()][];
    int size = length;
    for (int i = 0; i < inserts.length; i++) {
      EmailSites.Site site = sites.get(i);
      // a push's commits mostly share one author: the previous site's bytes serve again
      EmailSites.Site previous = i > 0 ? sites.get(i - 1) : null;
      inserts[i] = site.missing() ? (site.comma() ? MISSING_AFTER_MEMBER : MISSING_ALONE)
          : previous != null && !previous.missing() && previous.email().equals(site.email())
              ? inserts[i - 1] : quoted(scrub(site.email()));
      size += inserts[i].length - (site.end() - site.start());
    }
    // the copy is made once, at its final size
    byte[] out = new byte[size];
    int at = offset;
    int to = 0;
    for (int i = 0; i < inserts.length; i++) {
      EmailSites.Site site = sites.get(i);
      System.arraycopy(bytes, at, out, to, site.start() - at);
      to += site.start() - at;
      System.arraycopy(inserts[i], 0, out, to, inserts[i].length);
      to += inserts[i].length;
      at = site.end();
    }
    System.arraycopy(bytes, at, out, to, offset + length - at);
    return out;
  }

  /** A JSON string token of {@code text}: quotes around its escaped UTF-8. */
  private static byte[] quoted(String text) {
    byte[] escaped = QUOTE.quoteAsUTF8(text);
    byte[] token = new byte[escaped.length + 2];
    token[0] = '"';
    System.arraycopy(escaped, 0, token, 1, escaped.length);
    token[token.length - 1] = '"';
    return token;
  }

  /** {@code shas}: arrays whose element 1 (text or null) is the author's email. */
  private static void copyShas(JsonParser p, JsonGenerator g) throws IOException {
    g.writeStartArray();
    for (JsonToken sha = p.nextToken(); sha != JsonToken.END_ARRAY; sha = p.nextToken()) {
      if (sha != JsonToken.START_ARRAY) {
        g.copyCurrentStructure(p);
        continue;
      }
      g.writeStartArray();
      int index = 0;
      for (JsonToken item = p.nextToken(); item != JsonToken.END_ARRAY; item = p.nextToken(), index++) {
        if (index == 1 && (item == JsonToken.VALUE_STRING || item == JsonToken.VALUE_NULL)) {
          g.writeString(scrub(item == JsonToken.VALUE_NULL ? "" : p.getText()));
        } else {
          g.copyCurrentStructure(p);
        }
      }
      g.writeEndArray();
    }
    g.writeEndArray();
  }

  /** {@code commits}: objects whose {@code author} object has the email (added when missing). */
  private static void copyCommits(JsonParser p, JsonGenerator g) throws IOException {
    g.writeStartArray();
    for (JsonToken commit = p.nextToken(); commit != JsonToken.END_ARRAY; commit = p.nextToken()) {
      if (commit != JsonToken.START_OBJECT) {
        g.copyCurrentStructure(p);
        continue;
      }
      g.writeStartObject();
      for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
        String field = p.currentName();
        JsonToken v = p.nextToken();
        g.writeFieldName(field);
        if (v == JsonToken.START_OBJECT && field.equals("author")) {
          copyAuthor(p, g);
        } else {
          g.copyCurrentStructure(p);
        }
      }
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void copyAuthor(JsonParser p, JsonGenerator g) throws IOException {
    g.writeStartObject();
    boolean hadEmail = false;
    for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
      String field = p.currentName();
      JsonToken v = p.nextToken();
      g.writeFieldName(field);
      if (field.equals("email") && (v == JsonToken.VALUE_STRING || v == JsonToken.VALUE_NULL)) {
        g.writeString(scrub(v == JsonToken.VALUE_NULL ? "" : p.getText()));
      } else {
        g.copyCurrentStructure(p);
      }
      hadEmail |= field.equals("email");
    }
    if (!hadEmail) { // as GH Archive's loader: no email hashes ""
      g.writeStringField("email", scrub(""));
    }
    g.writeEndObject();
  }

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
    return HEX.formatHex(SHA1.get().digest(s.getBytes(StandardCharsets.UTF_8)));
  }

  /** A digest per thread, made once: looking one up through the providers costs per email. */
  private static MessageDigest newSha1() {
    try {
      return MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-1", e);
    }
  }
}
