package dev.ghlake.transform;

import static org.junit.Assert.assertEquals;

import dev.ghlake.model.Accounting;
import dev.ghlake.run.RunCounts;
import dev.ghlake.testing.Events;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Rule;
import org.junit.Test;

/**
 * The 2015 fixture: 2489651045 PushEvent petroav/6.828 · ...046 PullRequestEvent apache/spark
 * (org apache) · ...047 IssueCommentEvent lee/app · ...048 ForkEvent nodejs/node · ...049
 * WatchEvent kubernetes/kubernetes by dependabot[bot].
 */
public class FilterEventsTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();

  private RunCounts filter(List<String> expectedIds, String... args) {
    FilterOptions options = PipelineOptionsFactory.fromArgs(args).as(FilterOptions.class);
    List<GenericRecord> events = Events.fromFixture("era-2015-events-api.jsonl");
    PAssert.that(p.apply(Create.of(events).withCoder(Events.coder()))
            .apply(FilterEvents.with(options))
            .apply(MapElements.into(TypeDescriptors.strings()).via(Events::id)))
        .containsInAnyOrder(expectedIds);
    PipelineResult result = p.run();
    result.waitUntilFinish();
    return RunCounts.of(result.metrics(), true);
  }

  private static long filtered(RunCounts counts, FilterReason reason) {
    return counts.get(Accounting.FILTERED_PREFIX + reason.label());
  }

  @Test
  public void keepsEverythingByDefault() {
    RunCounts c = filter(List.of("2489651045", "2489651046", "2489651047", "2489651048", "2489651049"));
    assertEquals(0, c.withPrefix(Accounting.FILTERED_PREFIX).size());
  }

  @Test
  public void typeIncludeAndExcludeListsCountTheirOwnReasons() {
    RunCounts c = filter(List.of("2489651045"),
        "--types=PushEvent,WatchEvent,ForkEvent", "--excludeTypes=WatchEvent,ForkEvent");
    assertEquals(2, filtered(c, FilterReason.TYPE_NOT_INCLUDED));
    assertEquals(2, filtered(c, FilterReason.TYPE_EXCLUDED));
  }

  @Test
  public void repoGlobsAreCaseInsensitive() {
    RunCounts c = filter(List.of("2489651046", "2489651048"), "--repos=APACHE/*,nodejs/no?e");
    assertEquals(3, filtered(c, FilterReason.REPO_NOT_INCLUDED));
  }

  @Test
  public void orgsMatchTheOrgOrTheRepositoryOwner() {
    // apache and kubernetes are orgs; nodejs is only the owner of nodejs/node
    RunCounts c = filter(List.of("2489651046", "2489651048"),
        "--orgs=apache,kubernetes,nodejs", "--excludeOrgs=kube*");
    assertEquals(2, filtered(c, FilterReason.ORG_NOT_INCLUDED));
    assertEquals(1, filtered(c, FilterReason.ORG_EXCLUDED));
  }

  @Test
  public void botsCanBeDropped() {
    RunCounts c = filter(List.of("2489651045", "2489651046", "2489651047", "2489651048"),
        "--excludeBots=true", "--excludeRepos=nobody/*");
    assertEquals(1, filtered(c, FilterReason.BOT));
  }
}
