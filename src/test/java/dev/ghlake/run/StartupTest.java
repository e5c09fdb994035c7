package dev.ghlake.run;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ghlake.GhLake;
import dev.ghlake.cli.CommandLine;
import dev.ghlake.source.synthetic.SyntheticPlan;
import dev.ghlake.summary.RunSummary;
import dev.ghlake.testing.TestArchives;
import java.nio.file.Path;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** A run says how long it took to start reading (issue 28), counted from its JVM's start or, after the first, its own. */
public class StartupTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void aRunReportsTheSecondsBeforeItsFirstReadAndARunThatReadsNothingReportsNone() throws Exception {
    Path archive = tmp.newFolder("archive").toPath();
    TestArchives.write(archive, new SyntheticPlan(2_000, 2, "2024-07-01T00"), 5);
    JsonNode first = run(archive, "2024-07-01T00", "2024-07-01T02");
    JsonNode second = run(archive, "2024-07-01T00", "2024-07-01T02");
    for (JsonNode s : new JsonNode[] {first, second}) {
      assertEquals("success", s.path("status").asText());
      assertTrue(s.toString(), s.path("startup_seconds").isNumber() && s.path("startup_seconds").asDouble() > 0);
    }
    // the second counts from its own start, so its start-up is within its run
    assertTrue(second.toString(), second.path("startup_seconds").asDouble() <= second.path("seconds").asDouble() + 0.1);

    JsonNode nothing = run(tmp.newFolder("empty").toPath(), "2024-07-01T00", "2024-07-01T02");
    assertNotNull(nothing);
    assertTrue(nothing.toString(), nothing.path("startup_seconds").isNull());
  }

  private JsonNode run(Path input, String from, String to) throws Exception {
    RunSummary s = GhLake.run(CommandLine.options("--input=" + input, "--output=" + tmp.getRoot().toPath()
        .resolve("lake"), "--from=" + from, "--to=" + to, "--latenessHours=0", "--progressSeconds=0"));
    return JSON.readTree(s.toJson());
  }
}
