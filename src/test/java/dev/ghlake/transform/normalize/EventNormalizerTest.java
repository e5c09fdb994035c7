package dev.ghlake.transform.normalize;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.ghlake.model.RejectReason;
import dev.ghlake.testing.Fixtures;
import java.time.Instant;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.junit.Test;

/** Every era's shape, from the project's own fixtures, with values known by construction. */
public class EventNormalizerTest {
  private final EventNormalizer normalizer = new EventNormalizer(true);

  private GenericRecord row(String fixture, int index) throws NormalizationException {
    return normalizer.normalize(Fixtures.lines(fixture).get(index));
  }

  private static long micros(String instant) {
    Instant i = Instant.parse(instant);
    return i.getEpochSecond() * 1_000_000L + i.getNano() / 1_000;
  }

  private static String str(GenericRecord r, String field) {
    Object v = r.get(field);
    return v == null ? null : v.toString();
  }

  @Test
  public void events2011PushKeepsIdsAndScrubsShaEmails() throws Exception {
    GenericRecord r = row("era-2011-events-api.jsonl", 0);
    assertEquals("1132219608", str(r, "event_id"));
    assertEquals("PushEvent", str(r, "type"));
    assertEquals(micros("2011-02-15T00:00:06Z"), r.get("created_at"));
    assertEquals(394L, r.get("actor_id"));
    assertEquals("revans", str(r, "actor_login"));
    assertEquals(1355856L, r.get("repo_id"));
    assertEquals("revans/chef-ubuntu10", str(r, "repo_name"));
    assertNull(r.get("org_id"));
    assertEquals(true, r.get("public"));
    assertEquals(24788213L, r.get("push_id"));
    assertEquals(1L, r.get("push_size"));
    assertEquals("93a46351", str(r, "head_sha"));
    assertEquals("refs/heads/master", str(r, "ref"));
    // sha1("robert") = 12e9293e..., as GH Archive's own BigQuery row has it
    assertTrue(str(r, "payload").contains("\"12e9293ec6b30c7fa8a0926af42807e929c1684f@codewranglers.org\""));
    assertTrue(!str(r, "payload").contains("robert@"));
  }

  @Test
  public void events2011OlderPayloadSpellings() throws Exception {
    GenericRecord create = row("era-2011-events-api.jsonl", 1);
    assertEquals("master", str(create, "ref"));
    assertEquals("branch", str(create, "ref_type"));
    assertEquals(900L, create.get("org_id"));
    assertEquals("acme", str(create, "org_login"));
    GenericRecord issue = row("era-2011-events-api.jsonl", 2);
    assertEquals(36L, issue.get("number"));
    assertEquals(545975L, issue.get("issue_id"));
    assertEquals("closed", str(issue, "action"));
    assertEquals(1367487L, row("era-2011-events-api.jsonl", 3).get("forkee_repo_id"));
    assertEquals("rnirmal", str(row("era-2011-events-api.jsonl", 4), "member_login"));
    assertEquals(271424L, row("era-2011-events-api.jsonl", 5).get("comment_id"));
    GenericRecord follow = row("era-2011-events-api.jsonl", 6);
    assertNull("'/' is the archive's 'no repository', not a name", follow.get("repo_name"));
    assertNull(follow.get("repo_id"));
  }

  @Test
  public void timeline2013ConvertsOffsetsAndBuildsOwnerSlashName() throws Exception {
    GenericRecord push = row("era-2013-timeline.jsonl", 0);
    assertEquals(micros("2013-02-15T08:00:39Z"), push.get("created_at"));
    assertEquals("bcomdlc", str(push, "actor_login"));
    assertNull(push.get("actor_id"));
    assertEquals("bcomdlc/bcom-homepage-archive", str(push, "repo_name"));
    assertEquals(3527704L, push.get("repo_id"));
    assertTrue(str(push, "event_id").startsWith(DerivedEventId.PREFIX));
    assertTrue(str(push, "payload").contains("39afb6cb2f84a5645c2345b80cbfe0b45648600b@boston.com"));

    GenericRecord issues = row("era-2013-timeline.jsonl", 1);
    assertEquals(4242L, issues.get("actor_id"));
    assertEquals("glfw", str(issues, "org_login"));
    assertNull(issues.get("org_id"));
    assertEquals(28L, issues.get("number"));

    GenericRecord comment = row("era-2013-timeline.jsonl", 2);
    assertEquals("OpenEmu/OpenEmu", str(comment, "repo_name")); // no owner field: from the url
    assertEquals(11004099L, comment.get("issue_id"));
    assertEquals(13595919L, comment.get("comment_id"));
    assertEquals("gina", str(row("era-2013-timeline.jsonl", 3), "member_login"));
    GenericRecord ownerless = row("era-2013-timeline.jsonl", 4);
    assertNull("owner \"\" and url github.com//name: the full name is unknown", ownerless.get("repo_name"));
    assertEquals(889947L, ownerless.get("repo_id"));
  }

  @Test
  public void timeline2014NullsStayNull() throws Exception {
    GenericRecord gist = row("era-2014-timeline-nulls.jsonl", 0);
    assertNull(gist.get("actor_login"));
    assertNull(gist.get("repo_name"));
    assertNull(gist.get("repo_id"));
    assertEquals(micros("2014-02-15T08:03:54Z"), gist.get("created_at"));
    GenericRecord follow = row("era-2014-timeline-nulls.jsonl", 1);
    assertNull(follow.get("payload"));
    assertEquals(99L, follow.get("actor_id"));
    assertEquals("v1.2.0", str(row("era-2014-timeline-nulls.jsonl", 2), "release_tag"));
  }

  @Test
  public void modern2015ShapedColumns() throws Exception {
    GenericRecord push = row("era-2015-events-api.jsonl", 0);
    assertEquals(2L, push.get("push_size"));
    assertEquals(1L, push.get("push_distinct_size"));
    String payload = str(push, "payload");
    assertTrue(payload.contains(EmailScrubber.scrub("petro@example.com")));
    assertTrue(payload.contains(EmailScrubber.scrub("not-an-email")));
    assertTrue(!payload.contains("petro@example.com"));
    GenericRecord pr = row("era-2015-events-api.jsonl", 1);
    assertEquals(true, pr.get("pr_merged"));
    assertEquals(2378L, pr.get("number"));
    assertEquals("apache", str(pr, "org_login"));
    GenericRecord comment = row("era-2015-events-api.jsonl", 2);
    assertEquals(12L, comment.get("number"));
    assertEquals(53000000L, comment.get("issue_id"));
    assertEquals(68500000L, comment.get("comment_id"));
    assertEquals("mo/node", str(row("era-2015-events-api.jsonl", 3), "forkee_repo_name"));
  }

  @Test
  public void slim2025PayloadsLeaveMissingColumnsNull() throws Exception {
    GenericRecord push = row("era-2025-slim.jsonl", 0);
    assertEquals(26000000001L, push.get("push_id"));
    assertEquals("c0ffee00", str(push, "head_sha"));
    assertNull(push.get("push_size"));
    assertNull(push.get("push_distinct_size"));
    GenericRecord pr = row("era-2025-slim.jsonl", 1);
    assertEquals(7L, pr.get("number"));
    assertNull(pr.get("pr_merged"));
  }

  @Test
  public void scrubbingCanBeTurnedOff() throws Exception {
    GenericRecord r = new EventNormalizer(false).normalize(Fixtures.lines("era-2011-events-api.jsonl").get(0));
    assertTrue(str(r, "payload").contains("robert@codewranglers.org"));
  }

  @Test
  public void derivedIdsAreStableAndDistinct() throws Exception {
    List<String> lines = Fixtures.lines("era-2013-timeline.jsonl");
    String first = str(normalizer.normalize(lines.get(0)), "event_id");
    assertEquals(first, str(new EventNormalizer(true).normalize(lines.get(0)), "event_id"));
    assertTrue(!first.equals(str(normalizer.normalize(lines.get(1)), "event_id")));
    // key order inside the payload does not change the id
    String reordered = lines.get(1).replace(
        "{\"action\":\"closed\",\"issue\":11005329,\"number\":28}",
        "{\"number\":28,\"issue\":11005329,\"action\":\"closed\"}");
    assertTrue(!reordered.equals(lines.get(1)));
    assertEquals(str(normalizer.normalize(lines.get(1)), "event_id"),
        str(normalizer.normalize(reordered), "event_id"));
  }

  @Test
  public void refusesWhatIsNotAnEvent() {
    assertReason(RejectReason.INVALID_JSON, "{\"type\":");
    assertReason(RejectReason.INVALID_JSON, "{\"type\":\"A\",\"created_at\":\"2015-01-01T00:00:00Z\"}{\"a\":1}");
    assertReason(RejectReason.NOT_AN_EVENT, "[1,2]");
    assertReason(RejectReason.NOT_AN_EVENT, "{\"created_at\":\"2015-01-01T00:00:00Z\"}");
    assertReason(RejectReason.NOT_AN_EVENT, "{\"type\":\"PushEvent\"}");
    assertReason(RejectReason.BAD_TIMESTAMP, "{\"type\":\"PushEvent\",\"created_at\":\"yesterday\"}");
    assertReason(RejectReason.BAD_TIMESTAMP, "{\"type\":\"PushEvent\",\"created_at\":\"2015-01-01T00:00:00\"}");
    assertReason(RejectReason.WRONG_FIELD_TYPE,
        "{\"type\":\"PushEvent\",\"created_at\":\"2015-01-01T00:00:00Z\",\"actor\":42}");
    assertReason(RejectReason.WRONG_FIELD_TYPE,
        "{\"type\":\"PushEvent\",\"created_at\":\"2015-01-01T00:00:00Z\",\"repo\":\"a/b\"}");
  }

  private void assertReason(RejectReason expected, String line) {
    NormalizationException e = assertThrows(NormalizationException.class, () -> normalizer.normalize(line));
    assertEquals(line, expected, e.reason());
  }
}
