package dev.ghlake.transform;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Every event type GH Archive has carried, 2011 to today, so a typo in {@code --types} is refused
 * before it silently filters out every event. A type GitHub adds later passes with
 * {@code --allowUnknownTypes=true}.
 */
final class EventTypes {
  static final Set<String> KNOWN = new TreeSet<>(List.of(
      "CommitCommentEvent", "CreateEvent", "DeleteEvent", "DeploymentEvent",
      "DeploymentStatusEvent", "DiscussionEvent", "DownloadEvent", "Event", "FollowEvent",
      "ForkApplyEvent", "ForkEvent", "GistEvent", "GollumEvent", "IssueCommentEvent", "IssuesEvent",
      "LabelEvent", "MemberEvent", "MembershipEvent", "MilestoneEvent", "PageBuildEvent",
      "PublicEvent", "PullRequestEvent", "PullRequestReviewCommentEvent", "PullRequestReviewEvent",
      "PullRequestReviewThreadEvent", "PushEvent", "ReleaseEvent", "RepositoryEvent",
      "SponsorshipEvent", "StatusEvent", "TeamAddEvent", "WatchEvent"));

  private EventTypes() {}

  /** Throws {@link IllegalArgumentException} for a name that is no known type, with a suggestion. */
  static void check(String option, List<String> types, boolean allowUnknown) {
    if (types == null || allowUnknown) {
      return;
    }
    for (String raw : types) {
      String type = raw.strip();
      if (!type.isEmpty() && !KNOWN.contains(type)) {
        String near = nearest(type);
        throw new IllegalArgumentException("--" + option + "=" + type + " is no event type GH "
            + "Archive has carried" + (near == null ? "" : " (did you mean " + near + "?)")
            + "; known types: " + String.join(", ", KNOWN)
            + ". For a type GitHub added since, add --allowUnknownTypes=true");
      }
    }
  }

  /** The known type nearest by edit distance (ignoring case), if it is near enough to be a typo. */
  static String nearest(String type) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String known : KNOWN) {
      int d = LevenshteinDistance.getDefaultInstance().apply(type.toLowerCase(Locale.ROOT), known.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = known;
        bestDistance = d;
      }
    }
    return bestDistance <= Math.max(2, type.length() / 4) ? best : null;
  }
}
