package dev.ghlake.commit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ghlake.accounting.SumTallies;
import dev.ghlake.accounting.Tally;
import dev.ghlake.accounting.WithAccount;
import dev.ghlake.cli.CommandLine;
import dev.ghlake.commit.RunLedger;
import dev.ghlake.run.GhLakeOptions;
import dev.ghlake.run.RunPlan;
import dev.ghlake.run.RunPlanner;
import dev.ghlake.sink.WritePartitionFiles;
import dev.ghlake.source.SourceUnits;
import dev.ghlake.source.synthetic.SyntheticPlan;
import dev.ghlake.stage.StageEvents;
import dev.ghlake.stage.Staged;
import dev.ghlake.testing.DuckDb;
import dev.ghlake.testing.TestArchives;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The commit and the ledger in a TestPipeline, on a planned run of three whole hour files:
 * {@link CommitPartitions} makes each hour's files its partition (committed, complete, as many
 * events as the hour's distinct events), and {@link WriteRunLedger} records the account, whose
 * lines read are the lines a plain gunzip counts and whose events written are the rows the
 * manifests list.
 */
public class CommitAndLedgerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant FROM = Instant.parse("2024-07-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2024-07-01T03:00:00Z");

  @Rule public final transient TestPipeline p = TestPipeline.create();
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void everyHourIsCommittedWithItsEventsAndTheLedgerAccountsForEveryLine() throws Exception {
    Path archive = tmp.newFolder("archive").toPath();
    TestArchives.write(archive, new SyntheticPlan(1_200, 3, "2024-07-01T00"), 3);
    String lake = tmp.newFolder("lake").getPath();
    GhLakeOptions options = CommandLine.options("--input=" + archive, "--output=" + lake,
        "--from=2024-07-01T00", "--to=2024-07-01T03", "--latenessHours=0",
        "--stagingLocation=" + tmp.newFolder("staging"));
    RunPlan plan = RunPlanner.plan(options, "20240701T000000Z-test", Instant.now(), null);
    Counted archiveCount = count(archive);
    List<KV<String, Long>> expected = archiveCount.eventsByPartition.entrySet().stream()
        .map(e -> KV.of(e.getKey(), e.getValue())).toList();
    assertEquals(3, expected.size());

    Staged staged = p.apply(SourceUnits.of(plan.source().units()))
        .apply(StageEvents.with(plan.source().read(), plan.shaper(), plan.staging()));
    Written written = staged.chunks().apply(WritePartitionFiles.with(plan.files()));
    var tallies = PCollectionList.of(staged.tallies()).and(written.tallies()).apply(SumTallies.create());
    PCollection<PartitionResult> partitions = WithAccount.of(written.files(), tallies, staged.sources())
        .apply("CommitPartitions", CommitPartitions.of(plan.commit()));
    PAssert.that(partitions.apply("Said", MapElements
            .into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.longs()))
            .via(r -> KV.of(r.partition() + (r.committed() && r.complete() ? "" : " not committed whole"), r.written()))))
        .containsInAnyOrder(expected);
    WithAccount.of(partitions, tallies, staged.sources()).apply("WriteRunLedger", WriteRunLedger.to(plan.ledgerPath(), plan.runId()));
    p.run().waitUntilFinish();

    long listed = 0;
    for (KV<String, Long> partition : expected) {
      Path folder = Path.of(lake, "events", partition.getKey());
      JsonNode manifest = JSON.readTree(folder.resolve(PartitionManifest.NAME).toFile());
      assertEquals(plan.runId(), manifest.get("run_id").asText());
      for (PartitionManifest.ListedFile f : PartitionManifest.files(manifest.toString())) {
        assertEquals(f.name(), f.rows(), DuckDb.count("SELECT count(*) FROM read_parquet('" + folder.resolve(f.name()) + "')"));
        listed += f.rows();
      }
    }
    RunLedger ledger = RunLedger.read(plan.ledgerPath());
    assertEquals("lines read", archiveCount.lines, ledger.total(Tally.Kind.READ));
    assertEquals("events written", listed, ledger.total(Tally.Kind.WRITTEN));
    assertTrue(listed > 1_000);
  }

  /** What the archive holds, read without ghlake: its lines, and the window's distinct events by hour partition. */
  private record Counted(long lines, Map<String, Long> eventsByPartition) {}

  private static Counted count(Path archive) throws Exception {
    long lines = 0;
    Set<String> seen = new HashSet<>();
    Map<String, Long> byPartition = new TreeMap<>();
    try (Stream<Path> files = Files.list(archive)) {
      for (Path f : files.sorted().toList()) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(f)),
            StandardCharsets.UTF_8))) {
          for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.isBlank()) {
              continue;
            }
            lines++;
            JsonNode e = JSON.readTree(line);
            OffsetDateTime t = OffsetDateTime.parse(e.get("created_at").asText());
            boolean inWindow = !t.toInstant().isBefore(FROM) && t.toInstant().isBefore(TO);
            if (inWindow && seen.add(e.get("id").asText() + "@" + t.toInstant())) {
              byPartition.merge(String.format("dt=%s/hour=%02d", t.toLocalDate(), t.getHour()), 1L, Long::sum);
            }
          }
        }
      }
    }
    return new Counted(lines, byPartition);
  }
}
