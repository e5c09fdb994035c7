package dev.ghlake.compare;

import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ghlake.source.synthetic.SyntheticPlan;
import dev.ghlake.testing.DuckDb;
import dev.ghlake.testing.SyntheticLake;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Two lakes of the same events joined event by event: the same events written with another codec
 * differ in no column, and every event one lake lacks (an hour the other did not load) is one
 * difference naming the lake that has it.
 */
public class CompareLakesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Rule public final transient TestPipeline p = TestPipeline.create();
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void anHourOneLakeLacksIsOneDifferencePerEventAndACodecIsNone() throws Exception {
    Path archive = SyntheticLake.archive(tmp, new SyntheticPlan(900, 2, "2024-07-01T00"), 9);
    String full = load(archive, "full", "2024-07-01T02", "zstd");
    String half = load(archive, "half", "2024-07-01T01", "snappy");
    // the hour's events, and late ones its file held for the hour before: DuckDB's anti-join
    long lacking = DuckDb.count("SELECT count(*) FROM read_parquet('" + full + "/events/**/*.parquet') WHERE event_id "
        + "NOT IN (SELECT event_id FROM read_parquet('" + half + "/events/**/*.parquet'))");
    assertTrue("the full lake holds an hour more: " + lacking, lacking > 300);

    PAssert.that(p.apply(new CompareLakes("full", full, "half", half))
            .apply(MapElements.into(TypeDescriptors.strings()).via(CompareLakesTest::kind))
            .apply(Count.perElement()))
        .containsInAnyOrder(KV.of("only_in_full", lacking));
    p.run().waitUntilFinish();
  }

  private String load(Path archive, String name, String to, String codec) throws Exception {
    String lake = tmp.newFolder(name).getPath();
    SyntheticLake.load(archive, lake, "2024-07-01T00", to, "--compression=" + codec);
    return lake;
  }

  private static String kind(String difference) {
    try {
      return JSON.readValue(difference, Map.class).get("kind").toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
