package dev.ghlake.transform;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.ghlake.model.EventSchema;
import dev.ghlake.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.Test;

/**
 * The 2015 fixture: 2489651045 PushEvent petroav/6.828 · ...046 PullRequestEvent apache/spark
 * (org apache) · ...047 IssueCommentEvent lee/app · ...048 ForkEvent nodejs/node · ...049
 * WatchEvent kubernetes/kubernetes by dependabot[bot].
 */
public class EventFilterTest {
  /** Shapes the fixture with the filter; asserts the kept ids and the drops by reason. */
  private static void filter(List<String> expectedIds, Map<String, Long> expectedDrops, String... args) {
    EventShaper shaper = new EventShaper(new long[0], new long[0],
        EventFilter.of(PipelineOptionsFactory.fromArgs(args).as(FilterOptions.class)), true);
    List<String> kept = new ArrayList<>();
    Map<String, Long> drops = new TreeMap<>();
    for (String line : Fixtures.lines("era-2015-events-api.jsonl")) {
      byte[] b = line.getBytes(StandardCharsets.UTF_8);
      EventShaper.Shaped s = shaper.shape(b, b.length, new EventShaper.Shaped());
      if (s.fate == EventShaper.Fate.ROW) {
        kept.add(s.row.eventId);
      } else {
        drops.merge(s.filtered.label(), 1L, Long::sum);
      }
    }
    assertEquals(expectedIds, kept);
    assertEquals(expectedDrops, drops);
  }

  private static String refused(String... args) {
    return assertThrows(IllegalArgumentException.class,
        () -> EventFilter.of(PipelineOptionsFactory.fromArgs(args).as(FilterOptions.class))).getMessage();
  }

  @Test
  public void keepsEverythingByDefault() {
    filter(List.of("2489651045", "2489651046", "2489651047", "2489651048", "2489651049"), Map.of());
  }

  @Test
  public void typeIncludeAndExcludeListsCountTheirOwnReasons() {
    filter(List.of("2489651045"), Map.of("type_not_included", 2L, "type_excluded", 2L),
        "--types=PushEvent,WatchEvent,ForkEvent", "--excludeTypes=WatchEvent,ForkEvent");
  }

  @Test
  public void repoGlobsAreCaseInsensitive() {
    filter(List.of("2489651046", "2489651048"), Map.of("repo_not_included", 3L),
        "--repos=APACHE/*,nodejs/no?e");
  }

  @Test
  public void orgsMatchTheOrgOrTheRepositoryOwner() {
    // apache and kubernetes are orgs; nodejs is only the owner of nodejs/node
    filter(List.of("2489651046", "2489651048"), Map.of("org_not_included", 2L, "org_excluded", 1L),
        "--orgs=apache,kubernetes,nodejs", "--excludeOrgs=kube*");
  }

  @Test
  public void botsCanBeDropped() {
    filter(List.of("2489651045", "2489651046", "2489651047", "2489651048"), Map.of("bot", 1L),
        "--excludeBots=true", "--excludeRepos=nobody/*");
  }

  @Test
  public void aTypeGhArchiveNeverCarriedIsRefusedWithTheNearestOne() {
    String m = refused("--types=PushEvents");
    assertTrue(m, m.startsWith("--types=PushEvents is no event type GH Archive has carried (did you mean PushEvent?)"));
    assertTrue(m, m.contains("--allowUnknownTypes=true"));
    assertTrue(refused("--excludeTypes=pullrequestevent").contains("did you mean PullRequestEvent?"));
    // the escape hatch, for a type GitHub adds later
    EventFilter.of(PipelineOptionsFactory.fromArgs("--types=CopilotEvent", "--allowUnknownTypes=true")
        .as(FilterOptions.class));
  }

  @Test
  public void globsThatCanMatchNoRepositoryOrOrgAreRefusedNamingTheOption() {
    assertTrue(refused("--repos=[").startsWith("--repos=[ can match no repository"));
    assertTrue(refused("--repos=apache").startsWith("--repos=apache can match no repository"));
    assertTrue(refused("--excludeRepos=a/b/c").startsWith("--excludeRepos=a/b/c can match no repository"));
    assertTrue(refused("--orgs=apache/beam").contains("owner/name globs are for --repos"));
    assertTrue(refused("--excludeOrgs=a b").startsWith("--excludeOrgs=a b can match no org"));
    EventFilter.of(PipelineOptionsFactory.fromArgs("--repos=apache*,*/beam,a.b-c_d/x?y",
        "--orgs=kube*").as(FilterOptions.class));
  }
}
