package dev.ghlake.transform.normalize;

import static dev.ghlake.transform.normalize.JsonValues.bool;
import static dev.ghlake.transform.normalize.JsonValues.object;
import static dev.ghlake.transform.normalize.JsonValues.text;
import static dev.ghlake.transform.normalize.JsonValues.whole;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ghlake.model.EventSchema;
import org.apache.avro.generic.GenericRecord;

/**
 * The typed columns shaped from the payload. Each reads the modern field first and falls back to
 * the older eras' spelling; the README's schema table lists the sources of every column.
 */
final class PayloadColumns {
  private PayloadColumns() {}

  static void fill(String type, JsonNode payload, GenericRecord out) {
    if (payload == null || !payload.isObject()) {
      return;
    }
    out.put(EventSchema.ACTION, text(payload, "action"));
    fillRef(payload, out);
    if ("PushEvent".equals(type)) {
      out.put(EventSchema.PUSH_ID, whole(payload, "push_id"));
      out.put(EventSchema.PUSH_SIZE, whole(payload, "size"));
      out.put(EventSchema.PUSH_DISTINCT_SIZE, whole(payload, "distinct_size"));
      out.put(EventSchema.HEAD_SHA, text(payload, "head"));
    }
    fillIssueAndPull(payload, out);
    out.put(EventSchema.COMMENT_ID, firstNonNull(
        whole(object(payload, "comment"), "id"), whole(payload, "comment_id")));
    out.put(EventSchema.RELEASE_TAG, text(object(payload, "release"), "tag_name"));
    fillForkee(payload, out);
    fillMember(payload, out);
  }

  /** CreateEvent/DeleteEvent/PushEvent refs; 2011 CreateEvents say {@code object}/{@code object_name}. */
  private static void fillRef(JsonNode payload, GenericRecord out) {
    out.put(EventSchema.REF, firstNonNull(text(payload, "ref"), text(payload, "object_name")));
    out.put(EventSchema.REF_TYPE, firstNonNull(text(payload, "ref_type"), text(payload, "object")));
  }

  /** Issue/PR number and issue id; older eras give the issue as a bare id or as {@code issue_id}. */
  private static void fillIssueAndPull(JsonNode payload, GenericRecord out) {
    JsonNode issue = object(payload, "issue");
    JsonNode pull = object(payload, "pull_request");
    out.put(EventSchema.NUMBER, firstNonNull(
        whole(payload, "number"), whole(issue, "number"), whole(pull, "number")));
    out.put(EventSchema.ISSUE_ID, firstNonNull(
        whole(issue, "id"), whole(payload, "issue"), whole(payload, "issue_id")));
    out.put(EventSchema.PR_MERGED, bool(pull, "merged"));
  }

  /** The fork's repository; 2011 gives only its id, 2012 an object without {@code full_name}. */
  private static void fillForkee(JsonNode payload, GenericRecord out) {
    JsonNode forkee = object(payload, "forkee");
    if (forkee == null) {
      out.put(EventSchema.FORKEE_REPO_ID, whole(payload, "forkee"));
      return;
    }
    out.put(EventSchema.FORKEE_REPO_ID, whole(forkee, "id"));
    String fullName = text(forkee, "full_name");
    if (fullName == null) {
      JsonNode owner = forkee.get("owner");
      String ownerLogin = owner != null && owner.isObject() ? text(owner, "login") : null;
      String name = text(forkee, "name");
      fullName = ownerLogin != null && name != null
          ? ownerLogin + "/" + name
          : RepoNames.fromUrl(text(forkee, "html_url"));
    }
    out.put(EventSchema.FORKEE_REPO_NAME, fullName);
  }

  /** MemberEvent's member: an object since 2012, a bare login in 2011. */
  private static void fillMember(JsonNode payload, GenericRecord out) {
    JsonNode member = payload.get("member");
    if (member == null) {
      return;
    }
    out.put(EventSchema.MEMBER_LOGIN, member.isTextual() ? member.textValue() : text(member, "login"));
  }

  @SafeVarargs
  private static <T> T firstNonNull(T... values) {
    for (T v : values) {
      if (v != null) {
        return v;
      }
    }
    return null;
  }
}
