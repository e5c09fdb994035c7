package dev.ghlake.sink;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.ghlake.accounting.SumTallies;
import dev.ghlake.accounting.Tally;
import dev.ghlake.commit.Written;
import dev.ghlake.model.EventSchema;
import dev.ghlake.model.PartitionBy;
import dev.ghlake.source.ArchiveInput;
import dev.ghlake.source.ReadSettings;
import dev.ghlake.source.SourceUnits;
import dev.ghlake.stage.StageEvents;
import dev.ghlake.stage.Staged;
import dev.ghlake.stage.StagingPlan;
import dev.ghlake.testing.ArchiveFiles;
import dev.ghlake.testing.DuckDb;
import dev.ghlake.testing.Events;
import dev.ghlake.testing.Fixtures;
import dev.ghlake.transform.EventFilter;
import dev.ghlake.transform.EventShaper;
import dev.ghlake.transform.FilterOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Every era's fixtures (plus copies) staged and written: Hive partitions that DuckDB reads with
 * types, each cut by id range into ceil(rows / target) files, copies dropped and counted, rows in
 * each file sorted by time then id.
 */
public class WritePartitionFilesTest {
  private static final List<String> FIXTURES = List.of("era-2011-events-api.jsonl",
      "era-2013-timeline.jsonl", "era-2014-timeline-nulls.jsonl", "era-2015-events-api.jsonl",
      "era-2025-slim.jsonl");

  @Rule public final transient TestPipeline p = TestPipeline.create();
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void writesSortedDeduplicatedHivePartitionsOfEvenFilesThatDuckDbReadsWithTypes() throws Exception {
    List<byte[]> lines = new ArrayList<>();
    List<GenericRecord> events = new ArrayList<>();
    for (String f : FIXTURES) {
      Fixtures.lines(f).forEach(l -> lines.add(l.getBytes(StandardCharsets.UTF_8)));
      events.addAll(Events.fromFixture(f));
    }
    String push2015 = Fixtures.lines("era-2015-events-api.jsonl").get(0);
    lines.add(push2015.getBytes(StandardCharsets.UTF_8));                  // an exact copy
    lines.add(push2015.getBytes(StandardCharsets.UTF_8));                  // and another
    String later = push2015.replace("\"created_at\":\"2015-01-01T15:00:00Z\"",
        "\"created_at\":\"2015-01-01T15:00:01Z\"");
    assertTrue("the fixture's time is where the test expects it", !later.equals(push2015));
    lines.add(later.getBytes(StandardCharsets.UTF_8));                     // same id, other time: kept
    Path archive = tmp.newFolder("archive").toPath();
    ArchiveFiles.write(archive, "mix.json.gz", ArchiveFiles.gzip(lines));

    String out = tmp.newFolder("lake").getPath();
    EventShaper shaper = new EventShaper(new long[0], new long[0],
        EventFilter.of(PipelineOptionsFactory.as(FilterOptions.class)), true);
    StagingPlan staging = new StagingPlan(tmp.newFolder("staging").getPath(), PartitionBy.hour, 4);
    FilePlan files = new FilePlan(out + "/events", "r1", 2, 4, CompressionCodecName.ZSTD, 1 << 20,
        out + "/_pending/r1");
    Staged staged = p.apply(SourceUnits.of(ArchiveInput.units(archive + "/*.json.gz", List.of(), 0)))
        .apply(StageEvents.with(new ReadSettings(1 << 20, null, 0), shaper, staging));
    Written written = staged.chunks().apply(WritePartitionFiles.with(files));
    long fixtureEvents = events.size(); // the check is serialised: a number, not the events
    PAssert.that(PCollectionList.of(staged.tallies()).and(written.tallies()).apply(SumTallies.create()))
        .satisfies(entries -> {
          Map<String, Long> byKind = new TreeMap<>();
          entries.forEach(e -> byKind.merge(e.getKey().kind().name(), e.getValue(), Long::sum));
          assertEquals(Long.valueOf(fixtureEvents + 3), byKind.get(Tally.Kind.READ.name()));
          assertEquals(Long.valueOf(2), byKind.get(Tally.Kind.DUPLICATE.name()));
          assertEquals(Long.valueOf(fixtureEvents + 1), byKind.get(Tally.Kind.WRITTEN.name()));
          return null;
        });
    p.run().waitUntilFinish();

    // expected rows per partition, computed here from the events' own times
    Map<String, Long> expected = new TreeMap<>();
    for (GenericRecord e : events) {
      expected.merge(partitionOf((Long) e.get(EventSchema.CREATED_AT)), 1L, Long::sum);
    }
    expected.merge("2015-01-01/15", 1L, Long::sum); // the same id a second later
    String glob = out + "/events/**/*.parquet";
    Map<String, Long> actual = new TreeMap<>();
    DuckDb.query("SELECT CAST(dt AS VARCHAR) || '/' || lpad(CAST(hour AS VARCHAR), 2, '0'), count(*) "
        + "FROM read_parquet('" + glob + "', hive_partitioning=true) GROUP BY 1",
        rs -> actual.put(rs.getString(1), rs.getLong(2)));
    assertEquals(expected, actual);

    Map<String, String> types = new TreeMap<>();
    DuckDb.query("DESCRIBE SELECT * FROM read_parquet('" + glob + "')",
        rs -> types.put(rs.getString(1), rs.getString(2)));
    assertEquals("TIMESTAMP WITH TIME ZONE", types.get("created_at"));
    assertEquals("VARCHAR", types.get("event_id"));
    assertEquals("BIGINT", types.get("repo_id"));
    assertEquals("BOOLEAN", types.get("public"));

    // files named part-i-of-n, n = ceil(staged rows / 2); rows sorted by time, then id
    try (Stream<Path> parquet = Files.walk(Path.of(out, "events"))) {
      for (Path f : parquet.filter(x -> x.toString().endsWith(".parquet")).toList()) {
        assertTrue(f.toString(), f.getFileName().toString().matches("part-\\d{5}-of-\\d{5}-r1\\.parquet"));
        assertEquals(f + " is sorted", 0, DuckDb.count("SELECT count(*) FROM (SELECT created_at, event_id, "
            + "lag(created_at) OVER () AS pt, lag(event_id) OVER () AS pi FROM read_parquet('" + f + "')) "
            + "WHERE pt > created_at OR (pt = created_at AND pi > event_id)"));
      }
    }
    long files2015 = Files.list(Path.of(out, "events", "dt=2015-01-01", "hour=15")).count();
    // 5 fixture rows of that hour + 3 copies staged = 8 rows, 4 files (some may hold no row)
    assertTrue("files of 2015-01-01/15: " + files2015, files2015 >= 2 && files2015 <= 4);
  }

  private static String partitionOf(long micros) {
    LocalDateTime t = LocalDateTime.ofEpochSecond(micros / 1_000_000L, 0, ZoneOffset.UTC);
    return String.format("%s/%02d", t.toLocalDate(), t.getHour());
  }
}
