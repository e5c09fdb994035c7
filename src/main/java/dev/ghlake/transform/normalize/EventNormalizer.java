package dev.ghlake.transform.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ghlake.model.EventSchema;
import java.nio.charset.StandardCharsets;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * Turns one archive line (any era) into one row of {@link EventSchema}, or says why it cannot.
 *
 * <p>Two steps, so callers can decide cheaply first: {@link EventFields#scan} reads and checks
 * the line (type, time, actor, repository, org); {@link #row} then does the payload's work
 * (parse, scrub emails, re-serialise, typed payload columns, derived id).
 */
public final class EventNormalizer {
  private final boolean scrubEmails;

  public EventNormalizer(boolean scrubEmails) {
    this.scrubEmails = scrubEmails;
  }

  /** Both steps on a line of text. */
  public GenericRecord normalize(String line) throws NormalizationException {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    return row(EventFields.scan(bytes, bytes.length));
  }

  /** The same, for an event already parsed into a tree (e.g. rebuilt from a BigQuery row). */
  public GenericRecord normalize(JsonNode event) throws NormalizationException {
    return normalize(event.toString());
  }

  /** The row of a scanned line: the payload's work is done here, once. */
  public GenericRecord row(EventFields f) throws NormalizationException {
    GenericRecord out = new GenericData.Record(EventSchema.SCHEMA);
    out.put(EventSchema.TYPE, f.typeName);
    out.put(EventSchema.CREATED_AT, f.createdAt);
    out.put(EventSchema.ACTOR_ID, f.actorId);
    out.put(EventSchema.ACTOR_LOGIN, f.actorLogin);
    out.put(EventSchema.REPO_ID, f.repoId);
    out.put(EventSchema.REPO_NAME, f.repoName);
    out.put(EventSchema.ORG_ID, f.orgId);
    out.put(EventSchema.ORG_LOGIN, f.orgLogin);
    out.put(EventSchema.PUBLIC, f.publicFlag != null && f.publicFlag.isBoolean()
        ? f.publicFlag.booleanValue() : null);

    JsonNode payload = f.payload();
    if (scrubEmails) {
      EmailScrubber.scrubPayload(payload);
    }
    out.put(EventSchema.PAYLOAD, payload != null ? payload.toString() : null);
    PayloadColumns.fill(f.typeName, payload, out);
    out.put(EventSchema.EVENT_ID, eventId(f, payload));
    return out;
  }

  private static String eventId(EventFields f, JsonNode payload) {
    JsonNode id = f.id;
    if (id != null && (id.isTextual() || id.isIntegralNumber()) && !id.asText().isEmpty()) {
      return id.asText();
    }
    return DerivedEventId.of(f.typeName, f.createdAt, f.actorLogin, f.repoName, payload);
  }
}
