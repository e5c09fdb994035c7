package dev.ghlake.stage;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.ghlake.accounting.SourceOutcome;
import dev.ghlake.accounting.SumTallies;
import dev.ghlake.accounting.Tally;
import dev.ghlake.model.PartitionBy;
import dev.ghlake.source.ArchiveInput;
import dev.ghlake.source.ReadSettings;
import dev.ghlake.source.SourceUnit;
import dev.ghlake.source.SourceUnits;
import dev.ghlake.testing.RealData;
import dev.ghlake.transform.EventFilter;
import dev.ghlake.transform.EventShaper;
import dev.ghlake.transform.FilterOptions;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * GH Archive's real hours of 2011–2014 as the pipeline starts: {@link SourceUnits} hands on the
 * planned units as they were planned, {@link StageEvents} reads each file whole, says so with the
 * number of lines a plain gunzip counts, and every line read becomes a staged row or a dead
 * letter.
 */
public class ReadAndStageTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void everyLineOfTheRealHoursIsReadAndBecomesARowOrADeadLetter() throws Exception {
    List<SourceUnit> planned = ArchiveInput.units(RealData.hours() + "/*.json.gz", List.of(), 0);
    Map<String, Long> gunzipped = new TreeMap<>();
    for (SourceUnit u : planned) {
      gunzipped.put(u.name(), lines(Path.of(u.location())));
    }
    assertEquals("the four real hours", 4, gunzipped.size());
    long total = gunzipped.values().stream().mapToLong(Long::longValue).sum();
    EventShaper shaper = new EventShaper(new long[0], new long[0],
        EventFilter.of(PipelineOptionsFactory.as(FilterOptions.class)), true);
    StagingPlan staging = new StagingPlan(tmp.newFolder("staging").getPath(), PartitionBy.hour, 4);

    PCollection<SourceUnit> units = p.apply(SourceUnits.of(planned));
    PAssert.that(units).containsInAnyOrder(planned);
    Staged staged = units.apply(StageEvents.with(new ReadSettings(1 << 20, null, 0), shaper, staging));

    PAssert.that(staged.sources().apply("Said", MapElements.into(TypeDescriptors.strings())
        .via((SourceOutcome o) -> o.name() + " " + o.status() + " " + o.lines())))
        .containsInAnyOrder(gunzipped.entrySet().stream()
            .map(e -> e.getKey() + " " + SourceOutcome.Status.COMPLETE + " " + e.getValue()).toList());
    PCollection<Long> rows = staged.chunks().apply("Rows", MapElements.into(TypeDescriptors.longs())
        .via(StagedChunk::rows)).apply("SumRows", Sum.longsGlobally());
    PCollection<Long> deadLetters = staged.rejected().apply("Dead", Count.globally());
    PAssert.thatSingleton(PCollectionList.of(rows).and(deadLetters).apply("Both", Flatten.pCollections())
        .apply("Staged", Sum.longsGlobally())).isEqualTo(total);
    PAssert.that(PCollectionList.of(staged.tallies()).apply(SumTallies.create())).satisfies(entries -> {
      Map<String, Long> read = new HashMap<>();
      entries.forEach(e -> {
        if (e.getKey().kind() == Tally.Kind.READ) {
          read.merge(e.getKey().source(), e.getValue(), Long::sum);
        }
      });
      assertEquals("lines read, per file", gunzipped, new TreeMap<>(read));
      return null;
    });
    p.run().waitUntilFinish();
    assertTrue(total > 10_000);
  }

  /** Non-blank lines of a gzipped file, counted without ghlake's reader. */
  private static long lines(Path gz) throws Exception {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(gz)),
        StandardCharsets.UTF_8))) {
      return in.lines().filter(l -> !l.isBlank()).count();
    }
  }
}
