package dev.ghlake.transform;

import static org.junit.Assert.assertEquals;

import dev.ghlake.accounting.Ledger;
import dev.ghlake.testing.Events;
import dev.ghlake.testing.Tallied;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
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

  /** Runs the filter; asserts the kept ids and that the ledger holds exactly these drops. */
  private void filter(List<String> expectedIds, Map<String, Long> expectedDrops, String... args) {
    FilterOptions options = PipelineOptionsFactory.fromArgs(args).as(FilterOptions.class);
    List<GenericRecord> events = Events.fromFixture("era-2015-events-api.jsonl");
    Ledger ledger = new Ledger();
    PAssert.that(p.apply(Create.of(events).withCoder(Events.coder()))
            .apply(FilterEvents.with(options, ledger))
            .apply(MapElements.into(TypeDescriptors.strings()).via(Events::id)))
        .containsInAnyOrder(expectedIds);
    PAssert.that(ledger.entries(p)).satisfies(entries -> {
      assertEquals(expectedDrops, Tallied.byKindAndDetail(entries));
      return null;
    });
    p.run().waitUntilFinish();
  }

  @Test
  public void keepsEverythingByDefault() {
    filter(List.of("2489651045", "2489651046", "2489651047", "2489651048", "2489651049"), Map.of());
  }

  @Test
  public void typeIncludeAndExcludeListsCountTheirOwnReasons() {
    filter(List.of("2489651045"),
        Map.of("FILTERED/type_not_included", 2L, "FILTERED/type_excluded", 2L),
        "--types=PushEvent,WatchEvent,ForkEvent", "--excludeTypes=WatchEvent,ForkEvent");
  }

  @Test
  public void repoGlobsAreCaseInsensitive() {
    filter(List.of("2489651046", "2489651048"), Map.of("FILTERED/repo_not_included", 3L),
        "--repos=APACHE/*,nodejs/no?e");
  }

  @Test
  public void orgsMatchTheOrgOrTheRepositoryOwner() {
    // apache and kubernetes are orgs; nodejs is only the owner of nodejs/node
    filter(List.of("2489651046", "2489651048"),
        Map.of("FILTERED/org_not_included", 2L, "FILTERED/org_excluded", 1L),
        "--orgs=apache,kubernetes,nodejs", "--excludeOrgs=kube*");
  }

  @Test
  public void botsCanBeDropped() {
    filter(List.of("2489651045", "2489651046", "2489651047", "2489651048"),
        Map.of("FILTERED/bot", 1L), "--excludeBots=true", "--excludeRepos=nobody/*");
  }
}
