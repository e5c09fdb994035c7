package dev.ghlake.source.bigquery;

import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ghlake.cli.CommandLine;
import dev.ghlake.model.RawLine;
import dev.ghlake.run.GhLakeOptions;
import dev.ghlake.testing.GhArchiveBigQuery;
import dev.ghlake.testing.RealData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.apache.beam.sdk.extensions.gcp.options.GcpOptions;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * GH Archive's real BigQuery rows of the hour file 2013-02-15-0 (08:00 UTC, and 96 rows of 09:00)
 * read through Beam's BigQuery fakes: each row served becomes one event line named for its table,
 * events of each type as many as the rows hold. A query returns the window's rows only (its SQL
 * runs on the rows); the Storage Read fake serves the table whole, as it does not evaluate row
 * restrictions (BigQuerySourceTest checks the restriction sent; the exact window is cut when
 * lines are staged).
 */
public class ReadBigQueryTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path ROWS = RealData.root().resolve("bigquery-rows/2013-02-15-0.json.gz");
  private static final String TABLE = "bigquery:githubarchive.day.20130215";

  @Rule public final transient TestPipeline p = TestPipeline.create();
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void theStorageReadApiGivesEveryRowServedOnce() throws Exception {
    read("2013-02-15 ", "--bqMethod=direct");
  }

  @Test
  public void aQueryGivesTheRowsOfTheWindow() throws Exception {
    String temp = tmp.newFolder("temp").getPath();
    p.getOptions().setTempLocation(temp); // the export's files, and its temporary dataset's project
    p.getOptions().as(GcpOptions.class).setProject("test-project");
    read("2013-02-15 08", "--bqMethod=query", "--tempLocation=" + temp);
  }

  /** @param hours the prefix of the rows' times expected back */
  private void read(String hours, String... method) throws Exception {
    GhArchiveBigQuery.reset();
    GhArchiveBigQuery.load("20130215", ROWS);
    List<String> args = new ArrayList<>(List.of("--source=bigquery", "--project=test-project",
        "--from=2013-02-15T08", "--to=2013-02-15T09", "--latenessHours=0"));
    args.addAll(List.of(method));
    BigQueryPlan plan = BigQueryPlan.of(CommandLine.options(args.toArray(new String[0])));
    List<KV<String, Long>> expected = types(hours);
    assertTrue("most of the hour's rows are of its UTC hour", expected.stream().mapToLong(KV::getValue).sum() > 6_000);

    PCollection<RawLine> lines = p.apply(new ReadBigQuery(plan, GhArchiveBigQuery.class));
    PAssert.that(lines.apply("Sources", MapElements.into(TypeDescriptors.strings()).via(RawLine::source))
        .apply("BySource", Count.perElement())).satisfies(bySource -> {
          bySource.forEach(kv -> assertTrue(kv.getKey(), kv.getKey().equals(TABLE)));
          return null;
        });
    PAssert.that(lines.apply("Types", MapElements.into(TypeDescriptors.strings()).via(ReadBigQueryTest::type))
        .apply("ByType", Count.perElement())).containsInAnyOrder(expected);
    p.run().waitUntilFinish();
  }

  /** Events per type among the rows whose time starts so, read from the rows file without ghlake. */
  private static List<KV<String, Long>> types(String hours) throws IOException {
    Map<String, Long> types = new TreeMap<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(ROWS)),
        StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        JsonNode row = JSON.readTree(line);
        if (row.get("created_at").asText().startsWith(hours)) {
          types.merge(row.get("type").asText(), 1L, Long::sum);
        }
      }
    }
    return types.entrySet().stream().map(e -> KV.of(e.getKey(), e.getValue())).toList();
  }

  private static String type(RawLine line) {
    try {
      return JSON.readTree(line.text()).get("type").asText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
