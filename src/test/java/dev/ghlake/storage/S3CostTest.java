package dev.ghlake.storage;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.ghlake.GhLake;
import dev.ghlake.cli.CommandLine;
import dev.ghlake.source.synthetic.SyntheticPlan;
import dev.ghlake.summary.RunSummary;
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
 * which carries the count: the cost in the summary rests on them.
 */
public class S3CostTest {
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

      for (int run = 0; run < 2; run++) { // a first load, then a re-run that replaces and retires
        S3ProxyServer.Served before = s3.served();
        List<String> args = new ArrayList<>(List.of("--input=s3://archive/mirror/", "--output=s3://lake/gh",
            "--from=2024-07-01T00", "--to=2024-07-01T02", "--latenessHours=1", "--partitionBy=hour",
            "--progressSeconds=0"));
        args.addAll(s3.beamOptions());
        RunSummary s = GhLake.run(CommandLine.options(args.toArray(new String[0])));
        Thread.sleep(500); // the server logs a request as it serves it
        S3ProxyServer.Served served = s3.served().minus(before);

        assertEquals(s.toJson(), RunSummary.Status.success, s.status());
        S3Requests.Counts counted = s.cost().s3();
        assertTrue(served.toString(), served.putCopyPostList() > 10 && served.getAndOther() > 3);
        // all but the run's own summary.json, written after its cost is known: one multipart
        // upload of three requests (create, part, complete)
        assertEquals("PUT, COPY, POST, LIST", served.putCopyPostList() - 3, counted.putCopyPostList());
        assertEquals("GET and all other", served.getAndOther(), counted.getAndOther());
        assertEquals("DELETE (free)", served.free(), counted.free());
        assertTrue(s.cost().describe(), s.cost().totalUsd() > 0);
        assertEquals(counted.putCopyPostList() * 0.000005 + counted.getAndOther() * 0.0000004,
            s.cost().s3Usd(), 1e-12);
      }
    }
  }
}
