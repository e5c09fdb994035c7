package dev.ghlake.transform.normalize;

import static dev.ghlake.model.PayloadKeys.Nested.COMMENT;
import static dev.ghlake.model.PayloadKeys.Nested.ISSUE;
import static dev.ghlake.model.PayloadKeys.Nested.PULL_REQUEST;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.ghlake.model.EventRow;
import dev.ghlake.model.PayloadKeys;
import java.io.IOException;
import java.util.List;

/**
 * The typed columns shaped from the payload, read during the line's one streaming pass: the few
 * fields they come from are read, every other subtree is stepped over, no tree is built. Each
 * reads the modern field first and falls back to the older eras' spelling; the schema
 * table of docs/lake.md lists the sources of every column. As in a tree, a repeated key counts by its last value.
 */
final class PayloadColumns {
  private String action;
  private String ref;
  private String objectName;
  private String refType;
  private String object;
  private Long pushId;
  private Long size;
  private Long distinctSize;
  private String head;
  private Long number;
  private Long issueNumber;
  private Long issueObjectId;
  private Long issueScalar;
  private Long issueId;
  private Long pullNumber;
  private Boolean merged;
  private Long commentObjectId;
  private Long commentId;
  private String releaseTag;
  private boolean forkeeObject;
  private Long forkeeId;
  private String forkeeFullName;
  private String forkeeOwner;
  private String forkeeName;
  private String forkeeUrl;
  private Long forkeeScalar;
  private String member;
  private boolean hasShas;
  private boolean hasCommits;
  private EmailSites emailSites; // only for payloads with shas or commits
  private final long[] keys = new long[2];
  private final long[] nestedKeys = new long[PayloadKeys.Nested.WORDS];

  private PayloadColumns() {}

  /**
   * Reads the payload object the parser is at (its {@code START_OBJECT} just read) to its end,
   * keeping what the columns need: the line's one pass over its bytes, instead of a skip.
   */
  static PayloadColumns read(JsonParser p) throws IOException {
    PayloadColumns c = new PayloadColumns();
    c.readPayload(p);
    return c;
  }

  /** Where the payload holds commit author emails (which must be scrubbed before it is kept). */
  EmailScrubber.Emails emails() {
    return hasShas ? EmailScrubber.Emails.SHAS
        : hasCommits ? EmailScrubber.Emails.COMMITS : EmailScrubber.Emails.NONE;
  }

  /** Where, in the line's bytes, the emails {@link #emails} names are. */
  List<EmailSites.Site> emailSites() {
    return emailSites == null ? List.of() : emailSites.of(emails());
  }

  private EmailSites sites() {
    if (emailSites == null) {
      emailSites = new EmailSites();
    }
    return emailSites;
  }

  private void readPayload(JsonParser p) throws IOException {
    for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
      String field = p.currentName();
      PayloadKeys.TOP.mark(field, keys);
      JsonToken v = p.nextToken();
      switch (field) {
        case "action" -> action = JsonTokens.text(p, v);
        case "ref" -> ref = JsonTokens.text(p, v);
        case "object_name" -> objectName = JsonTokens.text(p, v);
        case "ref_type" -> refType = JsonTokens.text(p, v);
        case "object" -> object = JsonTokens.text(p, v);
        case "push_id" -> pushId = JsonTokens.whole(p, v);
        case "size" -> size = JsonTokens.whole(p, v);
        case "distinct_size" -> distinctSize = JsonTokens.whole(p, v);
        case "head" -> head = JsonTokens.text(p, v);
        case "number" -> number = JsonTokens.whole(p, v);
        case "issue" -> readIssue(p, v);
        case "issue_id" -> issueId = JsonTokens.whole(p, v);
        case "pull_request" -> readPullRequest(p, v);
        case "comment" -> readComment(p, v);
        case "comment_id" -> commentId = JsonTokens.whole(p, v);
        case "release" -> readRelease(p, v);
        case "forkee" -> readForkee(p, v);
        case "member" -> readMember(p, v);
        case "shas" -> {
          hasShas = v == JsonToken.START_ARRAY;
          if (hasShas) {
            sites().readShas(p);
          } else {
            p.skipChildren();
          }
        }
        case "commits" -> {
          hasCommits = v == JsonToken.START_ARRAY;
          if (hasCommits) {
            sites().readCommits(p);
          } else {
            p.skipChildren();
          }
        }
        default -> p.skipChildren();
      }
    }
  }

  private void readIssue(JsonParser p, JsonToken v) throws IOException {
    issueNumber = null;
    issueObjectId = null;
    issueScalar = v == JsonToken.START_OBJECT ? null : JsonTokens.whole(p, v);
    if (v == JsonToken.START_OBJECT) {
      for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
        String field = p.currentName();
        ISSUE.keys.mark(field, nestedKeys, ISSUE.at());
        JsonToken value = p.nextToken();
        switch (field) {
          case "number" -> issueNumber = JsonTokens.whole(p, value);
          case "id" -> issueObjectId = JsonTokens.whole(p, value);
          default -> p.skipChildren();
        }
      }
    }
  }

  private void readPullRequest(JsonParser p, JsonToken v) throws IOException {
    pullNumber = null;
    merged = null;
    if (v != JsonToken.START_OBJECT) {
      p.skipChildren();
      return;
    }
    for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
      String field = p.currentName();
      PULL_REQUEST.keys.mark(field, nestedKeys, PULL_REQUEST.at());
      JsonToken value = p.nextToken();
      switch (field) {
        case "number" -> pullNumber = JsonTokens.whole(p, value);
        case "merged" -> merged = JsonTokens.bool(p, value);
        default -> p.skipChildren();
      }
    }
  }

  private void readComment(JsonParser p, JsonToken v) throws IOException {
    commentObjectId = null;
    if (v != JsonToken.START_OBJECT) {
      p.skipChildren();
      return;
    }
    for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
      String field = p.currentName();
      COMMENT.keys.mark(field, nestedKeys, COMMENT.at());
      JsonToken value = p.nextToken();
      if (field.equals("id")) {
        commentObjectId = JsonTokens.whole(p, value);
      } else {
        p.skipChildren();
      }
    }
  }

  private void readRelease(JsonParser p, JsonToken v) throws IOException {
    releaseTag = null;
    if (v != JsonToken.START_OBJECT) {
      p.skipChildren();
      return;
    }
    for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      if (field.equals("tag_name")) {
        releaseTag = JsonTokens.text(p, value);
      } else {
        p.skipChildren();
      }
    }
  }

  /** The fork's repository; 2011 gives only its id, 2012 an object without {@code full_name}. */
  private void readForkee(JsonParser p, JsonToken v) throws IOException {
    forkeeObject = v == JsonToken.START_OBJECT;
    forkeeId = null;
    forkeeFullName = forkeeOwner = forkeeName = forkeeUrl = null;
    forkeeScalar = forkeeObject ? null : JsonTokens.whole(p, v);
    if (!forkeeObject) {
      return;
    }
    for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      switch (field) {
        case "id" -> forkeeId = JsonTokens.whole(p, value);
        case "full_name" -> forkeeFullName = JsonTokens.text(p, value);
        case "name" -> forkeeName = JsonTokens.text(p, value);
        case "html_url" -> forkeeUrl = JsonTokens.text(p, value);
        case "owner" -> forkeeOwner = SmallObject.read(p, value).login;
        default -> p.skipChildren();
      }
    }
  }

  /** MemberEvent's member: an object since 2012, a bare login in 2011. */
  private void readMember(JsonParser p, JsonToken v) throws IOException {
    SmallObject m = SmallObject.read(p, v);
    member = m.kind == SmallObject.Kind.TEXT ? m.text : m.login;
  }

  /** Fills the payload's columns of a row of the given type. */
  void copyTo(String type, EventRow out) {
    boolean push = "PushEvent".equals(type);
    out.action = action;
    out.ref = first(ref, objectName);
    out.refType = first(refType, object);
    if (push) {
      out.pushId = pushId;
      out.pushSize = size;
      out.pushDistinctSize = distinctSize;
      out.headSha = head;
    }
    out.number = first(number, issueNumber, pullNumber);
    out.issueId = first(issueObjectId, issueScalar, issueId);
    out.prMerged = merged;
    out.commentId = first(commentObjectId, commentId);
    out.releaseTag = releaseTag;
    if (forkeeObject) {
      out.forkeeRepoId = forkeeId;
      out.forkeeRepoName = forkeeFullName != null ? forkeeFullName
          : forkeeOwner != null && forkeeName != null ? forkeeOwner + "/" + forkeeName
          : RepoNames.fromUrl(forkeeUrl);
    } else {
      out.forkeeRepoId = forkeeScalar;
    }
    out.memberLogin = member;
    System.arraycopy(keys, 0, out.payloadKeys, 0, 2);
    System.arraycopy(nestedKeys, 0, out.nestedKeys, 0, nestedKeys.length);
  }

  @SafeVarargs
  private static <T> T first(T... values) {
    for (T v : values) {
      if (v != null) {
        return v;
      }
    }
    return null;
  }
}
