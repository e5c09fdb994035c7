package dev.ghlake.model;

import java.nio.charset.StandardCharsets;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;

/**
 * One normalised event, as the normaliser fills it and staging encodes it: the columns of
 * {@link EventSchema}, the payload kept as UTF-8 bytes (often a slice of the archive line itself,
 * so it is never decoded into a string). One instance is reused line after line.
 */
public final class EventRow {
  public String eventId;
  public String type;
  public long createdAt;
  public Long actorId;
  public String actorLogin;
  public Long repoId;
  public String repoName;
  public Long orgId;
  public String orgLogin;
  public Boolean isPublic;
  public String action;
  public String ref;
  public String refType;
  public Long pushId;
  public Long pushSize;
  public Long pushDistinctSize;
  public String headSha;
  public Long number;
  public Long issueId;
  public Boolean prMerged;
  public Long commentId;
  public String releaseTag;
  public Long forkeeRepoId;
  public String forkeeRepoName;
  public String memberLogin;
  public String sourceFile;
  /** The payload's keys ({@link PayloadKeys#TOP}), for the partition's profile; not a column. */
  public final long[] payloadKeys = new long[2];
  /** The keys of the payload's nested objects ({@link PayloadKeys.Nested}); not a column. */
  public final long[] nestedKeys = new long[PayloadKeys.Nested.WORDS];
  private byte[] payload;
  private int payloadOffset;
  private int payloadLength = -1;

  /** Clears every column, for the next line. */
  public void clear() {
    eventId = type = actorLogin = repoName = orgLogin = action = ref = refType = headSha = null;
    releaseTag = forkeeRepoName = memberLogin = sourceFile = null;
    actorId = repoId = orgId = pushId = pushSize = pushDistinctSize = number = issueId = null;
    commentId = forkeeRepoId = null;
    isPublic = prMerged = null;
    createdAt = 0;
    payloadKeys[0] = payloadKeys[1] = 0;
    java.util.Arrays.fill(nestedKeys, 0);
    payload = null;
    payloadLength = -1;
  }

  /** The payload's UTF-8 bytes {@code [offset, offset + length)}; the array is not copied. */
  public void payload(byte[] bytes, int offset, int length) {
    this.payload = bytes;
    this.payloadOffset = offset;
    this.payloadLength = length;
  }

  public boolean hasPayload() {
    return payloadLength >= 0;
  }

  public byte[] payloadBytes() {
    return payload;
  }

  public int payloadOffset() {
    return payloadOffset;
  }

  public int payloadLength() {
    return payloadLength;
  }

  /** The payload as text (for tests and tools; the pipeline keeps it as bytes). */
  public String payloadText() {
    return hasPayload() ? new String(payload, payloadOffset, payloadLength, StandardCharsets.UTF_8) : null;
  }

  /** The row as an Avro record of {@link EventSchema}. */
  public GenericRecord toRecord() {
    GenericRecord r = new GenericData.Record(EventSchema.SCHEMA);
    r.put(EventSchema.EVENT_ID, eventId);
    r.put(EventSchema.TYPE, type);
    r.put(EventSchema.CREATED_AT, createdAt);
    r.put(EventSchema.ACTOR_ID, actorId);
    r.put(EventSchema.ACTOR_LOGIN, actorLogin);
    r.put(EventSchema.REPO_ID, repoId);
    r.put(EventSchema.REPO_NAME, repoName);
    r.put(EventSchema.ORG_ID, orgId);
    r.put(EventSchema.ORG_LOGIN, orgLogin);
    r.put(EventSchema.PUBLIC, isPublic);
    r.put(EventSchema.PAYLOAD, payloadText());
    r.put(EventSchema.ACTION, action);
    r.put(EventSchema.REF, ref);
    r.put(EventSchema.REF_TYPE, refType);
    r.put(EventSchema.PUSH_ID, pushId);
    r.put(EventSchema.PUSH_SIZE, pushSize);
    r.put(EventSchema.PUSH_DISTINCT_SIZE, pushDistinctSize);
    r.put(EventSchema.HEAD_SHA, headSha);
    r.put(EventSchema.NUMBER, number);
    r.put(EventSchema.ISSUE_ID, issueId);
    r.put(EventSchema.PR_MERGED, prMerged);
    r.put(EventSchema.COMMENT_ID, commentId);
    r.put(EventSchema.RELEASE_TAG, releaseTag);
    r.put(EventSchema.FORKEE_REPO_ID, forkeeRepoId);
    r.put(EventSchema.FORKEE_REPO_NAME, forkeeRepoName);
    r.put(EventSchema.MEMBER_LOGIN, memberLogin);
    r.put(EventSchema.SOURCE_FILE, sourceFile);
    return r;
  }
}
