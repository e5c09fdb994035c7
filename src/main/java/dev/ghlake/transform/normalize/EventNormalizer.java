package dev.ghlake.transform.normalize;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ghlake.model.EventRow;
import dev.ghlake.model.EventSchema;
import dev.ghlake.model.RejectReason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.avro.generic.GenericRecord;

/**
 * Turns one archive line (any era) into one row of {@link EventSchema}, or says why it cannot.
 *
 * <p>Two steps, so callers can decide cheaply first: {@link EventFields#scan} reads and checks
 * the line (type, time, actor, repository, org); {@link #row} then does the payload's work. The
 * payload's columns come from one streaming pass over its bytes, and its text is kept as the
 * archive wrote it (GH Archive's lines are compact JSON already). When commit author emails must
 * be scrubbed, the text is that of a token-by-token copy with the emails replaced: made by
 * editing the bytes where the pass noted the emails, or, for a payload Jackson would spell
 * differently, by the copy itself. Only an event without an id, whose id is derived from the
 * payload's canonical form, has its payload parsed into a tree.
 */
public final class EventNormalizer {
  private final boolean scrubEmails;

  public EventNormalizer(boolean scrubEmails) {
    this.scrubEmails = scrubEmails;
  }

  /** Both steps on a line of text, as an Avro record (for tools and tests). */
  public GenericRecord normalize(String line) throws NormalizationException {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    EventRow row = new EventRow();
    row(EventFields.scan(bytes, bytes.length), row);
    return row.toRecord();
  }

  /** The same, for an event already parsed into a tree (e.g. rebuilt from a BigQuery row). */
  public GenericRecord normalize(JsonNode event) throws NormalizationException {
    return normalize(event.toString());
  }

  /** Fills {@code out} (cleared first) with the row of a scanned line. */
  public void row(EventFields f, EventRow out) throws NormalizationException {
    out.clear();
    out.type = f.typeName;
    out.createdAt = f.createdAt;
    out.actorId = f.actorId;
    out.actorLogin = f.actorLogin;
    out.repoId = f.repoId;
    out.repoName = f.repoName;
    out.orgId = f.orgId;
    out.orgLogin = f.orgLogin;
    out.isPublic = f.publicFlag;
    JsonNode scalar = null;
    if (f.payloadIsStructure()) {
      EmailScrubber.Emails emails = EmailScrubber.Emails.NONE;
      if (f.payloadColumns != null) {
        f.payloadColumns.copyTo(f.typeName, out);
        emails = f.payloadColumns.emails();
      }
      if (emails != EmailScrubber.Emails.NONE && scrubEmails) {
        byte[] scrubbed = EmailScrubber.splicedCopy(f.bytes(), f.payloadStart(), f.payloadLength(),
            f.payloadColumns.emailSites());
        if (scrubbed == null) { // not in Jackson's spelling: only a re-written copy is the same text
          scrubbed = scrubbed(f, emails);
        }
        out.payload(scrubbed, 0, scrubbed.length);
      } else {
        out.payload(f.bytes(), f.payloadStart(), f.payloadLength());
      }
    } else if ((scalar = f.payload()) != null) { // a scalar payload: rare, kept as JSON
      byte[] text = bytes(scalar);
      out.payload(text, 0, text.length);
    }
    out.eventId = f.id != null && !f.id.isEmpty() ? f.id : derivedId(f, out, scalar);
  }

  /** The id of an event the archive gave none: from its (scrubbed) payload's canonical form. */
  private static String derivedId(EventFields f, EventRow row, JsonNode scalar)
      throws NormalizationException {
    JsonNode payload = scalar;
    if (payload == null && row.hasPayload()) {
      try {
        payload = EventFields.MAPPER.readTree(row.payloadBytes(), row.payloadOffset(), row.payloadLength());
      } catch (IOException e) {
        throw new NormalizationException(RejectReason.INVALID_JSON, e.getMessage());
      }
    }
    return DerivedEventId.of(f.typeName, f.createdAt, f.actorLogin, f.repoName, payload);
  }

  private static byte[] scrubbed(EventFields f, EmailScrubber.Emails emails) throws NormalizationException {
    try {
      return EmailScrubber.scrubbedCopy(f.bytes(), f.payloadStart(), f.payloadLength(), emails);
    } catch (IOException e) { // the scan read these bytes already: cannot happen
      throw new NormalizationException(RejectReason.INVALID_JSON, e.getMessage());
    }
  }

  private static byte[] bytes(JsonNode tree) throws NormalizationException {
    try {
      return EventFields.MAPPER.writeValueAsBytes(tree);
    } catch (JsonProcessingException e) {
      throw new NormalizationException(RejectReason.INVALID_JSON, e.getOriginalMessage());
    }
  }
}
