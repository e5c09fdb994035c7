package dev.ghlake.profile;

import dev.ghlake.model.EventRow;
import java.util.List;

/**
 * The typed columns whose null rates a profile tracks: when GitHub cut the Events API payloads
 * (2025-10-07) PushEvent's {@code push_size} and {@code push_distinct_size} turned null at once.
 */
final class TypedColumns {
  static final List<String> NAMES = List.of("actor_id", "repo_id", "org_id", "action", "ref",
      "ref_type", "push_id", "push_size", "push_distinct_size", "head_sha", "number", "issue_id",
      "pr_merged", "comment_id", "release_tag", "forkee_repo_id", "forkee_repo_name", "member_login");

  private TypedColumns() {}

  /** Bit {@code i} set when column {@code NAMES[i]} of the row is null. */
  static int nulls(EventRow r) {
    Object[] v = {r.actorId, r.repoId, r.orgId, r.action, r.ref, r.refType, r.pushId, r.pushSize,
        r.pushDistinctSize, r.headSha, r.number, r.issueId, r.prMerged, r.commentId, r.releaseTag,
        r.forkeeRepoId, r.forkeeRepoName, r.memberLogin};
    int bits = 0;
    for (int i = 0; i < v.length; i++) {
      if (v[i] == null) {
        bits |= 1 << i;
      }
    }
    return bits;
  }
}
