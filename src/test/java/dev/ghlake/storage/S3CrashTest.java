package dev.ghlake.storage;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ghlake.GhLake;
import dev.ghlake.cli.CommandLine;
import dev.ghlake.run.GhLakeOptions;
import dev.ghlake.source.synthetic.SyntheticPlan;
import dev.ghlake.summary.RunSummary;
import dev.ghlake.testing.S3ProxyServer;
import dev.ghlake.testing.TestArchives;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** S3 dies in the middle of a run: the run fails saying where, no partition is half replaced. */
public class S3CrashTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test(timeout = 600_000)
  public void aServerDyingMidWriteLeavesEveryPartitionWholeAndARerunCompletes() throws Exception {
    Path root = Files.createTempDirectory("ghlake-s3-crash");
    Path store = root.resolve("store");
    S3ProxyServer s3 = new S3ProxyServer(store).start();
    try (S3Client client = s3.client()) {
      client.createBucket(b -> b.bucket("lake"));
    }
    Path archive = root.resolve("archive");
    TestArchives.write(archive, new SyntheticPlan(60_000, 4, "2024-07-01T00"), 5);
    s3.upload("archive", "m/", archive);
    RunSummary healthy = run(s3);
    assertEquals(RunSummary.Status.success, healthy.status());

    // a second run of the same window; kill S3 as soon as it marks the files it is about to write
    CompletableFuture<RunSummary> crashed = CompletableFuture.supplyAsync(() -> run(s3));
    Path pending = store.resolve("lake").resolve("gh").resolve("_pending");
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (!hasPartitionMarks(pending) && !crashed.isDone() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertTrue("the run reached its writes before it ended", !crashed.isDone());
    s3.kill();
    RunSummary failed = crashed.get(5, TimeUnit.MINUTES);
    assertEquals(RunSummary.Status.failed, failed.status());
    assertTrue(failed.failures().toString(), failed.failures().get(0).contains("s3://lake/gh"));

    s3.dropInterruptedUploads(); // as S3 would: an interrupted PUT is no object
    s3.start(); // the same store: what the crash left behind
    try (S3Client client = s3.client()) {
      for (String partition : List.of("hour=01", "hour=02")) {
        String prefix = "gh/events/dt=2024-07-01/" + partition + "/";
        JsonNode manifest = JSON.readTree(client.getObjectAsBytes(
            g -> g.bucket("lake").key(prefix + "_manifest.json")).asByteArray());
        List<String> present = keys(client, prefix);
        for (JsonNode f : manifest.get("files")) {
          assertTrue("a committed manifest lists only files that exist: " + f, present.contains(prefix + f.get("path").asText()));
        }
      }
      RunSummary rerun = run(s3);
      assertEquals(RunSummary.Status.success, rerun.status());
      assertEquals(healthy.written(), rerun.written());
      List<String> parquet = keys(client, "gh/events/").stream().filter(k -> k.endsWith(".parquet")).toList();
      assertTrue(parquet.toString(), parquet.stream().allMatch(k -> k.contains(rerun.runId())));
    } finally {
      s3.close();
    }
  }

  private static RunSummary run(S3ProxyServer s3) {
    List<String> args = new ArrayList<>(List.of("--input=s3://archive/m/", "--from=2024-07-01T01",
        "--to=2024-07-01T03", "--latenessHours=1", "--output=s3://lake/gh", "--progressSeconds=0"));
    args.addAll(s3.beamOptions());
    return GhLake.run(CommandLine.options(args.toArray(new String[0])));
  }

  private static boolean hasPartitionMarks(Path pending) throws Exception {
    if (!Files.isDirectory(pending)) {
      return false;
    }
    try (Stream<Path> files = Files.walk(pending)) {
      return files.anyMatch(f -> f.getFileName().toString().startsWith("dt=") && Files.isRegularFile(f));
    }
  }

  private static List<String> keys(S3Client client, String prefix) {
    return client.listObjectsV2Paginator(b -> b.bucket("lake").prefix(prefix)).contents().stream()
        .map(S3Object::key).toList();
  }
}
