package dev.ghlake.stage;

import static org.junit.Assert.assertEquals;

import dev.ghlake.accounting.SourceOutcome;
import dev.ghlake.accounting.SumTallies;
import dev.ghlake.accounting.Tally;
import dev.ghlake.model.EventSchema;
import dev.ghlake.model.PartitionBy;
import dev.ghlake.model.PartitionPath;
import dev.ghlake.model.RawLine;
import dev.ghlake.model.RejectReason;
import dev.ghlake.testing.Events;
import dev.ghlake.testing.Fixtures;
import dev.ghlake.transform.EventFilter;
import dev.ghlake.transform.EventShaper;
import dev.ghlake.transform.FilterOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Distinct;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Lines another read produced (BigQuery's rows, as the pipeline gets them) staged: every event a
 * staged row in its hour's partition, a broken line a dead letter naming its line, every line
 * counted as read, and the plan's sources passed on as they were planned.
 */
public class StageLinesTest {
  private static final String FIXTURE = "era-2015-events-api.jsonl";
  private static final String TABLE = "bigquery:githubarchive.day.20150101";

  @Rule public final transient TestPipeline p = TestPipeline.create();
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void linesBecomeStagedRowsDeadLettersAndTalliesBesideThePlannedSources() throws Exception {
    List<RawLine> lines = new ArrayList<>();
    List<String> fixture = Fixtures.lines(FIXTURE);
    for (int i = 0; i < fixture.size(); i++) {
      lines.add(new RawLine(TABLE, i + 1, fixture.get(i)));
    }
    long broken = fixture.size() + 1;
    lines.add(new RawLine(TABLE, broken, "{\"id\":\"2489651045\",\"type\":"));
    Set<String> partitions = new TreeSet<>();
    for (GenericRecord e : Events.fromFixture(FIXTURE)) {
      partitions.add(PartitionPath.of((Long) e.get(EventSchema.CREATED_AT), PartitionBy.hour));
    }
    SourceOutcome table = new SourceOutcome(TABLE, TABLE, "", SourceOutcome.Role.OTHER,
        SourceOutcome.Status.COMPLETE, 0, 0, "");
    EventShaper shaper = new EventShaper(new long[0], new long[0],
        EventFilter.of(PipelineOptionsFactory.as(FilterOptions.class)), false);
    StagingPlan staging = new StagingPlan(tmp.newFolder("staging").getPath(), PartitionBy.hour, 4);

    Staged staged = p.apply(Create.of(lines).withCoder(RawLine.LineCoder.of()))
        .apply(StageLines.with(shaper, staging, List.of(table)));

    PAssert.that(staged.sources()).containsInAnyOrder(table);
    PAssert.that(staged.rejected().apply("Said", MapElements.into(TypeDescriptors.strings())
        .via(r -> r.source() + ":" + r.lineNumber() + " " + r.reason().label())))
        .containsInAnyOrder(TABLE + ":" + broken + " " + RejectReason.INVALID_JSON.label());
    PAssert.thatSingleton(staged.chunks().apply("Rows", MapElements.into(TypeDescriptors.longs())
        .via(StagedChunk::rows)).apply(Sum.longsGlobally()))
        .isEqualTo((long) fixture.size());
    PAssert.that(staged.chunks().apply("Partitions", MapElements.into(TypeDescriptors.strings())
        .via(StagedChunk::partition)).setCoder(StringUtf8Coder.of()).apply(Distinct.create()))
        .containsInAnyOrder(partitions);
    long events = fixture.size();
    PAssert.that(PCollectionList.of(staged.tallies()).apply(SumTallies.create())).satisfies(entries -> {
      Map<String, Long> byKind = new TreeMap<>();
      entries.forEach(e -> byKind.merge(e.getKey().kind().name(), e.getValue(), Long::sum));
      assertEquals(Long.valueOf(events + 1), byKind.get(Tally.Kind.READ.name()));
      assertEquals(Long.valueOf(1), byKind.get(Tally.Kind.REJECTED.name()));
      return null;
    });
    p.run().waitUntilFinish();
  }
}
