package dev.ghlake.compare;

import static org.junit.Assert.assertTrue;

import dev.ghlake.source.synthetic.SyntheticPlan;
import dev.ghlake.testing.DuckDb;
import dev.ghlake.testing.SyntheticLake;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Distinct;
import org.apache.beam.sdk.transforms.Keys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A lake read for comparison is the lake its manifests list: a data file no manifest lists (what
 * a run killed while writing leaves until the next run removes it) is not read, so its events are
 * neither counted twice nor reported as differences.
 */
public class ReadLakeEventsTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void readsTheFilesTheManifestsListAndNoOther() throws Exception {
    Path archive = SyntheticLake.archive(tmp, new SyntheticPlan(600, 2, "2024-07-01T00"), 5);
    String lake = tmp.newFolder("lake").getPath();
    SyntheticLake.load(archive, lake, "2024-07-01T00", "2024-07-01T02");
    long inLake = DuckDb.count("SELECT count(*) FROM read_parquet('" + lake + "/events/**/*.parquet')");
    assertTrue(inLake > 0);
    // a dead run's file beside the committed ones: the same events, under another run's name
    Path partition = Path.of(lake, "events", "dt=2024-07-01", "hour=00");
    Path committed;
    try (Stream<Path> files = Files.list(partition)) {
      committed = files.filter(f -> f.toString().endsWith(".parquet")).findFirst().orElseThrow();
    }
    Files.copy(committed, partition.resolve("part-00000-of-00001-20240701T000000Z-dead.parquet"));

    PCollection<KV<String, String>> events = p.apply(new ReadLakeEvents(lake));
    PAssert.thatSingleton(events.apply("All", Count.globally())).isEqualTo(inLake);
    PAssert.thatSingleton(events.apply(Keys.create()).apply(Distinct.create()).apply("Ids", Count.globally()))
        .isEqualTo(inLake);
    p.run().waitUntilFinish();
  }

  @Test
  public void aLakeWithoutPartitionsReadsAsNoEvents() throws Exception {
    String lake = tmp.newFolder("empty").getPath();
    PAssert.that(p.apply(new ReadLakeEvents(lake))).empty();
    p.run().waitUntilFinish();
  }

  @Test
  public void dayPartitionsAreReadAsTheirManifestsListThem() throws Exception {
    Path archive = SyntheticLake.archive(tmp, new SyntheticPlan(480, 24, "2024-07-01T00"), 6);
    String lake = tmp.newFolder("lake").getPath();
    SyntheticLake.load(archive, lake, "2024-07-01", "2024-07-02", "--partitionBy=day");
    long committed = DuckDb.count("SELECT count(*) FROM read_parquet('" + lake + "/events/**/*.parquet')");
    PAssert.thatSingleton(p.apply(new ReadLakeEvents(lake)).apply(Count.globally())).isEqualTo(committed);
    p.run().waitUntilFinish();
  }
}
