package dev.ghlake;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ghlake.compare.ParityReport;
import dev.ghlake.testing.GhArchiveBigQuery;
import dev.ghlake.testing.RealData;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * ghlake compare on the real 2013 hour: the archive file against GH Archive's BigQuery rows of it
 * (Beam's fakes), first as they are, then with one row dropped and one changed.
 */
public class CompareSourcesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HOUR = "2013-02-15-0";
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  private String[] args(String output) {
    return new String[] {"--from=2013-02-15T08", "--to=2013-02-15T09", "--latenessHours=0",
        "--progressSeconds=0", "--input=" + RealData.hours().resolve(HOUR + ".json.gz"),
        "--project=test-project", "--bqServicesFactory=" + GhArchiveBigQuery.class.getName(),
        "--output=" + output, "--maxExamples=5"};
  }

  @Test
  public void theRealHourIsTheSameFromBothSources() throws Exception {
    GhArchiveBigQuery.reset();
    GhArchiveBigQuery.load("20130215", RealData.root().resolve("bigquery-rows/" + HOUR + ".json.gz"));
    String out = tmp.newFolder("cmp").getPath();

    ParityReport report = CompareSources.compare(args(out));

    assertTrue(report.describe(), report.compared() > 6000);
    assertEquals(report.compared(), report.matched());
    assertEquals(Map.of(), report.differences());
    assertTrue(report.describe().endsWith("the sources agree"));
    Path base = Files.list(Path.of(out)).findFirst().orElseThrow();
    assertEquals(report.compared(), JSON.readTree(Files.readString(base.resolve("report.json"))).get("matched").asLong());
  }

  @Test
  public void aMissingRowAndAChangedColumnAreReportedAndFailTheCheck() throws Exception {
    Path rows = tmp.newFile("rows.json.gz").toPath();
    String dropped = rewriteRows(RealData.root().resolve("bigquery-rows/" + HOUR + ".json.gz"), rows);
    GhArchiveBigQuery.reset();
    GhArchiveBigQuery.load("20130215", rows);
    String out = tmp.newFolder("cmp").getPath();

    ParityReport report = CompareSources.compare(args(out));

    assertEquals(report.describe(), Map.of("only_in_gharchive", 1L, "column:public", 1L), report.differences());
    assertEquals(report.compared() - 1, report.matched());
    assertTrue(report.describe(), report.describe().endsWith("the sources DIFFER"));
    assertTrue(report.describe(), report.describe().contains("\"kind\":\"column:public\""));
    assertTrue(report.describe(), report.describe().contains("\"gharchive\":\"true\",\"bigquery\":\"false\""));
    Path base = Files.list(Path.of(out)).findFirst().orElseThrow();
    assertEquals(2, Files.readAllLines(base.resolve("differences.jsonl")).size());
    assertTrue(dropped, Files.readString(base.resolve("differences.jsonl")).contains("only_in_gharchive"));
  }

  @Test
  public void aComparisonThatCannotReadBigQueryStopsBeforeReadingTheFiles() throws Exception {
    String out = tmp.newFolder("cmp").getPath();
    String message = assertThrows(IllegalArgumentException.class,
        () -> CompareSources.compare("--from=2013-02-15T08", "--output=" + out)).getMessage();
    assertTrue(message, message.contains("needs --project"));
    assertEquals("nothing was written", 0, Path.of(out).toFile().list().length);
  }

  /** The rows without their first and with the second one's {@code public} turned false. */
  private static String rewriteRows(Path from, Path to) throws Exception {
    String dropped = null;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(from)), StandardCharsets.UTF_8));
        Writer w = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(to)), StandardCharsets.UTF_8)) {
      int n = 0;
      for (String line = r.readLine(); line != null; line = r.readLine(), n++) {
        if (n == 0) {
          dropped = line;
          continue;
        }
        if (n == 1) {
          ObjectNode row = (ObjectNode) JSON.readTree(line);
          assertTrue(row.get("public").asBoolean());
          line = row.put("public", false).toString();
        }
        w.write(line + "\n");
      }
    }
    return dropped;
  }
}
