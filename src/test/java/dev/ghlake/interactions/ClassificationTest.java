package dev.ghlake.interactions;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ghlake.testing.RealData;
import java.io.IOException;
import org.junit.Test;

/** Which events are interactions; merges decided by the data, the undecidable counted, never guessed. */
public class ClassificationTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  public void aMergeIsAClosedPullRequestMarkedMergedOrTheMergedAction() throws IOException {
    // GH Archive's own events: 2015 and 2016 say merged; 2011's pull_request has no such key
    for (String year : new String[] {"2015", "2016"}) {
      JsonNode p = payload(year);
      assertEquals(year, InteractionKind.PR_MERGED, Classification.kindOf("PullRequestEvent",
          p.path("action").asText(), p.path("pull_request").path("merged").asBoolean()));
    }
    JsonNode y2011 = payload("2011");
    assertEquals("closed", y2011.path("action").asText());
    assertEquals(false, y2011.path("pull_request").has("merged"));
    assertNull(Classification.kindOf("PullRequestEvent", "closed", null));
    assertTrue(Classification.mergeUnknown("PullRequestEvent", "closed", null));
    // after 2025-10-07 pull_request is a stub: a close says nothing; the later 'merged' action does
    assertEquals(InteractionKind.PR_MERGED, Classification.kindOf("PullRequestEvent", "merged", null));
    assertNull(Classification.kindOf("PullRequestEvent", "closed", false)); // closed unmerged: no interaction
    assertFalse(Classification.mergeUnknown("PullRequestEvent", "closed", false));
    assertEquals(InteractionKind.PR_OPENED, Classification.kindOf("PullRequestEvent", "opened", null));
  }

  @Test
  public void theOtherKindsAndWhatIsNone() {
    assertEquals(InteractionKind.STAR, Classification.kindOf("WatchEvent", "started", null));
    assertEquals(InteractionKind.ISSUE_COMMENT, Classification.kindOf("IssueCommentEvent", null, null)); // 2011-2012: no action
    assertNull(Classification.kindOf("IssueCommentEvent", "deleted", null));
    assertNull(Classification.kindOf("IssuesEvent", "closed", null));
    assertEquals(InteractionKind.DISCUSSION, Classification.kindOf("DiscussionEvent", "created", null));
    assertEquals(InteractionKind.RELEASE, Classification.kindOf("ReleaseEvent", "published", null));
    assertNull(Classification.kindOf("ReleaseEvent", "deleted", null));
    assertNull(Classification.kindOf("CreateEvent", null, null));
    assertFalse(Classification.mergeUnknown("GollumEvent", null, null));
  }

  private static JsonNode payload(String year) throws IOException {
    return JSON.readTree(RealData.fixtures().resolve(year + "/PullRequestEvent_raw.json").toFile()).path("payload");
  }
}
