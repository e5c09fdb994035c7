package dev.ghlake.sink;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.ghlake.accounting.Ledger;
import dev.ghlake.model.EventSchema;
import dev.ghlake.testing.DuckDb;
import dev.ghlake.testing.Events;
import dev.ghlake.transform.DeduplicateEvents;
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
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class WriteParquetPartitionsTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void writesHivePartitionsOfEvenFilesThatDuckDbReadsWithTypes() throws Exception {
    List<GenericRecord> events = new ArrayList<>();
    for (String f : List.of("era-2011-events-api.jsonl", "era-2013-timeline.jsonl",
        "era-2014-timeline-nulls.jsonl", "era-2015-events-api.jsonl", "era-2025-slim.jsonl")) {
      events.addAll(Events.fromFixture(f));
    }
    String out = tmp.getRoot().getPath();
    SinkOptions options = PipelineOptionsFactory.fromArgs(
        "--output=" + out, "--targetRowsPerFile=2").as(SinkOptions.class);
    Ledger ledger = new Ledger();
    p.apply(Create.of(events).withCoder(Events.coder()))
        .apply(AssignPartitionFiles.of(options))
        .apply(DeduplicateEvents.withinKey(ledger))
        .apply(WriteParquetPartitions.to(options, "r1", ledger));
    p.run().waitUntilFinish();

    // expected rows per partition, computed here from the events' own times
    Map<String, Long> expected = new TreeMap<>();
    for (GenericRecord e : events) {
      LocalDateTime t = LocalDateTime.ofEpochSecond(
          (Long) e.get(EventSchema.CREATED_AT) / 1_000_000L, 0, ZoneOffset.UTC);
      expected.merge(String.format("%s/%02d", t.toLocalDate(), t.getHour()), 1L, Long::sum);
    }
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

    // a partition of n rows is cut into ceil(n / 2) files by event id (one may get no rows)
    for (Map.Entry<String, Long> partition : expected.entrySet()) {
      String[] dtHour = partition.getKey().split("/");
      Path folder = Path.of(out, "events", "dt=" + dtHour[0], "hour=" + dtHour[1]);
      long files = (partition.getValue() + 1) / 2;
      try (Stream<Path> listing = Files.list(folder)) {
        List<String> names = listing.map(x -> x.getFileName().toString()).sorted().toList();
        assertTrue(folder + ": " + names, !names.isEmpty() && names.size() <= files);
        for (String name : names) {
          assertTrue(name, name.matches(String.format("part-\\d{5}-of-%05d-r1\\.parquet", files)));
        }
      }
    }
  }
}
