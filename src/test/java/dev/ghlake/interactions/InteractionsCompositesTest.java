package dev.ghlake.interactions;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.ghlake.commit.PartitionManifest;
import dev.ghlake.source.synthetic.SyntheticPlan;
import dev.ghlake.testing.DuckDb;
import dev.ghlake.testing.SyntheticLake;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The interactions table's composites on a lake's committed files, each checked against DuckDB's
 * reading of the same files: {@link ReadLakeInteractions} puts every event read under one heading
 * of its day and stages the interactions, {@link BuildRows} makes one row per (actor, repo, kind),
 * {@link WriteTable} writes the day's files beside the table's, {@link CommitDays} makes them the
 * day's with the day's counts.
 */
public class InteractionsCompositesTest {
  private static final String DAY = "2024-07-01";

  @Rule public final transient TestPipeline p = TestPipeline.create();
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  private String lake;
  private List<String> files;
  private long written;
  private long interacting;
  private long pairs;

  /** A day's lake, and what DuckDB reads from the files its manifests list. */
  @Before
  public void lake() throws Exception {
    Path archive = SyntheticLake.archive(tmp, new SyntheticPlan(2_000, 2, DAY + "T00"), 17);
    lake = tmp.newFolder("lake").getPath();
    SyntheticLake.load(archive, lake, DAY + "T00", DAY + "T02");
    files = listed(Path.of(lake, "events"));
    String events = "read_parquet([" + String.join(", ", files.stream().map(f -> "'" + f + "'").toList()) + "])";
    written = DuckDb.count("SELECT count(*) FROM " + events);
    String interactions = "(SELECT *, " + InteractionsTableTest.KIND_SQL + " AS kind FROM " + events
        + ") WHERE kind IS NOT NULL AND actor_id IS NOT NULL AND repo_id IS NOT NULL";
    interacting = DuckDb.count("SELECT count(*) FROM " + interactions);
    pairs = DuckDb.count("SELECT count(*) FROM (SELECT DISTINCT actor_id, repo_id, kind FROM " + interactions + ")");
    assertTrue("the synthetic day has interactions: " + interacting, interacting > 100 && pairs > 100);
  }

  @Test
  public void everyEventReadIsCountedOnceAndEveryInteractionLandsInItsRow() throws Exception {
    long written = this.written; // the checks are serialised: numbers, not the test
    long interacting = this.interacting;
    long pairs = this.pairs;
    String staging = tmp.newFolder("staging").getPath();
    PCollectionTuple read = p.apply(Create.of(files).withCoder(StringUtf8Coder.of()))
        .apply(new ReadLakeInteractions(staging));
    PCollectionTuple rows = read.get(ClassifyFn.CHUNKS).apply(new BuildRows(Long.MAX_VALUE, 2, staging));

    PAssert.that(read.get(ClassifyFn.COUNTS).apply("SumRead", Sum.longsPerKey())).satisfies(counts -> {
      Map<String, Long> byKey = DayCounts.toMap(counts);
      long headings = ClassifyFn.HEADINGS.stream().mapToLong(h -> byKey.getOrDefault(DayCounts.key(DAY, h), 0L)).sum();
      assertEquals("every event read under one heading", written, headings);
      assertEquals(interacting, (long) byKey.get(DayCounts.key(DAY, ClassifyFn.INTERACTION)));
      return null;
    });
    PAssert.that(rows.get(BuildRows.COUNTS).apply("SumRows", Sum.longsPerKey())).satisfies(counts -> {
      Map<String, Long> byKey = DayCounts.toMap(counts);
      assertEquals("one row per (actor, repo, kind)", pairs, (long) byKey.get(DayCounts.key(DAY, DayCounts.ROWS)));
      long byKind = byKey.entrySet().stream().filter(e -> e.getKey().startsWith(DayCounts.key(DAY, DayCounts.KIND)))
          .mapToLong(Map.Entry::getValue).sum();
      assertEquals("the rows hold every interaction", interacting, byKind);
      return null;
    });
    p.run().waitUntilFinish();
  }

  @Test
  public void theDaysFilesAreWrittenBesideTheTableAndCommittedWithTheDaysCounts() throws Exception {
    long written = this.written;
    long pairs = this.pairs;
    String staging = tmp.newFolder("staging").getPath();
    InteractionsPlan plan = InteractionsPlanner.plan(lake, null, null, false, "r1", "test", Long.MAX_VALUE, 2, staging);
    assertEquals(List.of(DAY), plan.days().stream().map(DayPlan::day).toList());
    String dayFolder = plan.dayFolder(DAY);

    PCollectionTuple read = p.apply(Create.of(files).withCoder(StringUtf8Coder.of()))
        .apply(new ReadLakeInteractions(staging));
    PCollectionTuple rows = read.get(ClassifyFn.CHUNKS).apply(new BuildRows(Long.MAX_VALUE, 2, staging));
    PCollection<KV<String, String>> tableFiles = rows.get(BuildRows.ROWS).apply(new WriteTable(plan));
    PAssert.that(tableFiles).containsInAnyOrder(
        KV.of(DAY, dayFolder + "part-r1-00000-of-00002.parquet"), KV.of(DAY, dayFolder + "part-r1-00001-of-00002.parquet"));
    PCollection<KV<String, KV<String, Long>>> counts = PCollectionList.of(read.get(ClassifyFn.COUNTS))
        .and(rows.get(BuildRows.COUNTS)).apply(Flatten.pCollections()).apply(Sum.longsPerKey())
        .apply(MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(),
            TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.longs()))).via(DayCounts::byDay));
    PCollection<DayVerdict> verdicts = KeyedPCollectionTuple.of(CommitDays.FILES, tableFiles)
        .and(CommitDays.COUNTS, counts).apply(new CommitDays(plan));
    PAssert.that(verdicts).containsInAnyOrder(new DayVerdict(DAY, true, written, pairs, null));
    p.run().waitUntilFinish();

    assertEquals("the committed table is the rows", pairs, DuckDb.count("SELECT count(*) FROM read_parquet('"
        + dayFolder + "*.parquet')"));
    InteractionsPlanner.CommittedTable table = InteractionsPlanner.committedFiles(lake, null, null);
    assertEquals("the day's manifest lists them", 2, table.files().size());
    assertEquals(pairs, table.rows());
  }

  /** The data files the partitions' manifests list. */
  private static List<String> listed(Path events) throws Exception {
    List<String> out = new ArrayList<>();
    try (Stream<Path> all = Files.walk(events)) {
      for (Path m : all.filter(f -> f.getFileName().toString().equals(PartitionManifest.NAME)).toList()) {
        PartitionManifest.fileNames(Files.readString(m)).forEach(n -> out.add(m.resolveSibling(n).toString()));
      }
    }
    return out;
  }
}
