package dev.ghlake.interactions;

/**
 * Which interaction an event is, from its type, {@code payload.action} and {@code pr_merged}: the
 * cheap columns, decided before anything else is looked at.
 *
 * <p>A merge is decided by the data, not the date. Until GitHub cut the Events API payloads on
 * 2025-10-07 (GitHub changelog 2025-08-08), a merge was a PullRequestEvent {@code closed} whose
 * {@code pull_request.merged} is true; after the cut {@code pull_request} is a stub without
 * {@code merged}, and GitHub later delivers merges as action {@code merged}. A {@code closed}
 * without the flag (the weeks between) cannot say whether it merged: it is counted as such
 * ({@link #mergeUnknown}), never guessed.
 */
public final class Classification {
  private Classification() {}

  /** The interaction kind of an event; null when it is none (see {@link #mergeUnknown}). */
  public static InteractionKind kindOf(String type, String action, Boolean merged) {
    return switch (type) {
      case "WatchEvent" -> action == null || action.equals("started") ? InteractionKind.STAR : null;
      case "ForkEvent" -> InteractionKind.FORK;
      case "IssuesEvent" -> "opened".equals(action) ? InteractionKind.ISSUE_OPENED : null;
      case "IssueCommentEvent" -> created(action) ? InteractionKind.ISSUE_COMMENT : null;
      case "PullRequestEvent" -> pullRequest(action, merged);
      case "PullRequestReviewEvent" -> InteractionKind.PR_REVIEW;
      case "PullRequestReviewCommentEvent" -> created(action) ? InteractionKind.PR_REVIEW_COMMENT : null;
      case "PushEvent" -> InteractionKind.PUSH;
      case "ReleaseEvent" -> action == null || action.equals("published") || action.equals("created")
          ? InteractionKind.RELEASE : null;
      case "DiscussionEvent" -> created(action) ? InteractionKind.DISCUSSION : null;
      default -> null;
    };
  }

  /** A closed pull request that does not say whether it merged (never an interaction). */
  public static boolean mergeUnknown(String type, String action, Boolean merged) {
    return merged == null && "closed".equals(action) && "PullRequestEvent".equals(type);
  }

  private static InteractionKind pullRequest(String action, Boolean merged) {
    if ("opened".equals(action)) {
      return InteractionKind.PR_OPENED;
    }
    boolean mergedNow = "merged".equals(action) || ("closed".equals(action) && Boolean.TRUE.equals(merged));
    return mergedNow ? InteractionKind.PR_MERGED : null;
  }

  /** Comments: {@code created}; the eras before actions (2011-2012) had none. */
  private static boolean created(String action) {
    return action == null || action.equals("created");
  }
}
