package dev.ghlake;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ghlake.source.synthetic.SyntheticPlan;
import dev.ghlake.testing.DuckDb;
import dev.ghlake.testing.GhLakeProcess;
import dev.ghlake.testing.SlackServer;
import dev.ghlake.testing.TestArchives;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Memory is bounded by one output file, not by the run: a JVM with a small heap loads an archive
 * far larger than that heap could hold as events; and a run that does run short of heap fails
 * fast, reported, with the setting to change.
 */
public class BoundedMemoryTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  @Test(timeout = 600_000)
  public void aLoadFarLargerThanTheHeapSucceedsInASmallHeap() throws Exception {
    Path archive = tmp.newFolder("archive").toPath();
    // 300,000 events, about 375 MB of JSON: more than the 256 MiB heap could hold as rows
    TestArchives.write(archive, new SyntheticPlan(300_000, 6, "2024-07-01T00"), 4);
    String lake = tmp.newFolder("lake").getPath();
    Path staging = tmp.newFolder("staging").toPath();
    Path summary = tmp.getRoot().toPath().resolve("summary.json");
    GhLakeProcess run = GhLakeProcess.start(tmp.getRoot().toPath().resolve("run.log"), List.of("-Xmx256m"),
        "--input=" + archive, "--output=" + lake, "--from=2024-07-01T00", "--to=2024-07-01T06",
        "--latenessHours=0", "--stagingLocation=" + staging, "--summaryFile=" + summary,
        "--progressSeconds=0");
    int exit = run.waitFor(540);
    assertEquals(run.output(), 0, exit);

    JsonNode s = JSON.readTree(summary.toFile());
    assertEquals("success", s.get("status").asText());
    assertTrue(s.get("identity_holds").asBoolean());
    assertEquals(300_000, s.get("read").asLong());
    assertEquals(s.get("written").asLong(), DuckDb.count("SELECT count(*) FROM read_parquet('"
        + lake + "/events/**/*.parquet')"));
    try (Stream<Path> left = Files.list(staging)) {
      assertEquals("staging is removed after the run", List.of(), left.toList());
    }
  }

  @Test(timeout = 300_000)
  public void aRunShortOfHeapFailsWithinSecondsReportedWithTheSettingToChange() throws Exception {
    Path archive = tmp.newFolder("archive").toPath();
    TestArchives.write(archive, new SyntheticPlan(100_000, 2, "2024-07-01T00"), 4);
    Path staging = tmp.newFolder("staging").toPath();
    Path summary = tmp.getRoot().toPath().resolve("summary.json");
    try (SlackServer slack = new SlackServer()) {
      long start = System.nanoTime();
      GhLakeProcess run = GhLakeProcess.start(tmp.getRoot().toPath().resolve("run.log"),
          List.of("-Xmx80m"), Map.of("GHLAKE_TEST_WEBHOOK", slack.webhook("T0K3N")),
          "--input=" + archive, "--output=" + tmp.newFolder("lake"), "--from=2024-07-01T00",
          "--to=2024-07-01T02", "--latenessHours=0", "--stagingLocation=" + staging,
          "--summaryFile=" + summary, "--slackWebhook=env:GHLAKE_TEST_WEBHOOK", "--progressSeconds=0");
      int exit = run.waitFor(240);
      double seconds = (System.nanoTime() - start) / 1e9;
      assertEquals(run.output(), 1, exit);
      assertTrue("failed in " + seconds + " s, within the 120 s this test allows", seconds < 120);

      JsonNode s = JSON.readTree(summary.toFile());
      assertEquals("failed", s.get("status").asText());
      String why = s.get("failures").get(0).asText();
      assertTrue(why, why.contains("memory") && why.contains("JAVA_OPTS=-Xmx"));
      assertEquals(1, slack.payloads().size());
      assertTrue(slack.payloads().get(0), slack.payloads().get(0).contains("ghlake run failed")
          && slack.payloads().get(0).contains("JAVA_OPTS=-Xmx"));
      try (Stream<Path> left = Files.list(staging)) {
        assertEquals("staging is removed after a failed run too", List.of(), left.toList());
      }
    }
  }
}
