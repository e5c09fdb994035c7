package dev.ghlake.storage;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ghlake.source.synthetic.SyntheticPlan;
import dev.ghlake.testing.GhLakeProcess;
import dev.ghlake.testing.QuickJvm;
import dev.ghlake.testing.S3ProxyServer;
import dev.ghlake.testing.TestArchives;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;

/**
 * A run's S3 requests, counted by ghlake's own client by billing class, are the requests the
 * server saw (S3Proxy's request log) for the same run, but for the write of the run's own summary,
 * which carries the count: the cost in the summary rests on them. The runs are those of one JVM
 * of their own, run on cue as a warm Lambda runs them: in this one an earlier test's run may
 * already have marked it as a run's.
 */
public class S3CostTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * A dry run first, then a first load and a re-run that replaces and retires: each load counts
   * its own requests only. The dry run's used to wait, as a worker's requests outside a step do,
   * and went into the first load's first step's counters.
   */
  @Test
  public void theRequestsARunCountsAreTheRequestsTheServerServed() throws Exception {
    Path root = Files.createTempDirectory("ghlake-s3cost");
    try (S3ProxyServer s3 = new S3ProxyServer(root.resolve("store")).start()) {
      try (var client = s3.client()) {
        client.createBucket(b -> b.bucket("lake"));
      }
      Path archive = root.resolve("archive");
      TestArchives.write(archive, new SyntheticPlan(3_000, 3, "2024-07-01T00"), 3);
      s3.upload("archive", "mirror/", archive);
      Path summary = root.resolve("summary.json");
      List<String> args = new ArrayList<>(List.of("--input=s3://archive/mirror/", "--output=s3://lake/gh",
          "--from=2024-07-01T00", "--to=2024-07-01T02", "--latenessHours=1", "--partitionBy=hour",
          "--progressSeconds=0", "--summaryFile=" + summary));
      args.addAll(s3.beamOptions());
      GhLakeProcess process = GhLakeProcess.startOnCue(root.resolve("runs.log"),
          QuickJvm.withHeap("512m"), args.toArray(new String[0]));
      try {
        process.cue("--dryRun");
        assertEquals(process.output(), 0, process.awaitRun(1, 240));
        for (int run = 2; run <= 3; run++) {
          Thread.sleep(500); // the server logs a request as it serves it
          S3ProxyServer.Served before = s3.served();
          process.cue();
          assertEquals(process.output(), 0, process.awaitRun(run, 240));
          Thread.sleep(500);
          assertCounted(s3.served().minus(before), JSON.readTree(summary.toFile()));
        }
      } finally {
        process.kill();
      }
    }
  }

  private static void assertCounted(S3ProxyServer.Served served, JsonNode summary) {
    assertEquals(summary.toString(), "success", summary.get("status").asText());
    assertTrue(served.toString(), served.putCopyPostList() > 10 && served.getAndOther() > 3);
    JsonNode cost = summary.get("cost");
    long writes = cost.get("s3_put_copy_post_list_requests").asLong();
    long reads = cost.get("s3_get_and_other_requests").asLong();
    // all but the run's own summary.json, written after its cost is known: one multipart upload
    // of three requests (create, part, complete)
    assertEquals("PUT, COPY, POST, LIST", served.putCopyPostList() - 3, writes);
    assertEquals("GET and all other", served.getAndOther(), reads);
    assertEquals("DELETE (free)", served.free(), cost.get("s3_free_requests").asLong());
    assertTrue(cost.toString(), cost.get("total_usd").asDouble() > 0);
    assertEquals(writes * 0.000005 + reads * 0.0000004, cost.get("s3_usd").asDouble(), 1e-8);
  }
}
