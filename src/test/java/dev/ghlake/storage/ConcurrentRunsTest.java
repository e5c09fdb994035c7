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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Two real processes load the same window of one lake at once, many times, on a local folder and
 * on S3 (S3Proxy 3.0.0, which honours If-None-Match like AWS): one takes the lease, the other
 * waits for it or stands back saying who holds the window; either way the lake is whole.
 */
public class ConcurrentRunsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int TRIES = 4;
  /** Short runs: a JVM that starts fast matters more than peak speed. */
  private static final List<String> FAST_JVM = QuickJvm.withHeap("512m");
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  private Path archive() throws Exception {
    Path archive = tmp.newFolder("archive").toPath();
    TestArchives.write(archive, new SyntheticPlan(8_000, 3, "2024-07-01T00"), 8);
    return archive;
  }

  @Test(timeout = 600_000)
  public void twoRunsAtOnceLeaveALocalLakeWhole() throws Exception {
    Path archive = archive();
    String lake = tmp.newFolder("lake").getPath();
    races(List.of("--input=" + archive, "--output=" + lake), () -> assertWhole(localFiles(lake), localManifests(lake)));
  }

  @Test(timeout = 600_000)
  public void twoRunsAtOnceLeaveALakeOnS3Whole() throws Exception {
    Path archive = archive();
    try (S3ProxyServer s3 = new S3ProxyServer(tmp.newFolder("s3").toPath()).start();
        S3Client client = s3.client()) {
      s3.upload("archive", "m/", archive);
      client.createBucket(b -> b.bucket("lake"));
      List<String> args = new ArrayList<>(List.of("--input=s3://archive/m/", "--output=s3://lake/gh"));
      args.addAll(s3.beamOptions());
      races(args, () -> assertWhole(s3Files(client), s3Manifests(client)));
    }
  }

  private interface Check {
    void run() throws Exception;
  }

  /**
   * Two processes run the same window together, again and again; after each race the lake is
   * checked. Each process stays up between races (warm, like a Lambda), so only the first race
   * pays for starting a JVM.
   */
  private void races(List<String> lakeArgs, Check whole) throws Exception {
    List<String> args = new ArrayList<>(lakeArgs);
    args.addAll(List.of("--from=2024-07-01T00", "--to=2024-07-01T02", "--latenessHours=1", "--progressSeconds=0"));
    Path logs = tmp.getRoot().toPath();
    GhLakeProcess a = GhLakeProcess.startOnCue(logs.resolve("a.log"), FAST_JVM, args.toArray(new String[0]));
    GhLakeProcess b = GhLakeProcess.startOnCue(logs.resolve("b.log"), FAST_JVM, args.toArray(new String[0]));
    try {
      for (int i = 0; i < TRIES; i++) {
        race(i, a, b);
        whole.run();
      }
    } finally {
      a.kill();
      b.kill();
    }
  }

  /** Starts the next run of both together; waiting for the lease on even tries, not on odd ones. */
  private void race(int attempt, GhLakeProcess a, GhLakeProcess b) throws Exception {
    String wait = "--leaseWaitSeconds=" + (attempt % 2 == 0 ? 180 : 0);
    a.cue(wait);
    b.cue(wait);
    int exitA = a.awaitRun(attempt + 1, 240);
    int exitB = b.awaitRun(attempt + 1, 240);
    String both = a.outputOfRun(attempt + 1) + "\n-----\n" + b.outputOfRun(attempt + 1);
    assertTrue(both, exitA == 0 || exitB == 0);
    for (GhLakeProcess p : List.of(a, b)) {
      String out = p.outputOfRun(attempt + 1);
      boolean succeeded = out.contains("ghlake run: SUCCESS");
      boolean stoodBack = out.contains("another run holds this window: run ");
      assertTrue(both, succeeded || stoodBack);
      if (attempt % 2 == 0) {
        assertTrue("waiting for the lease, both succeed:\n" + both, succeeded);
      }
    }
  }

  /** Every data file is listed by its partition's manifest, and every listed file exists. */
  private static void assertWhole(Set<String> files, List<JsonNode> manifests) {
    Set<String> listed = new HashSet<>();
    long rows = 0;
    for (JsonNode m : manifests) {
      for (JsonNode f : m.get("files")) {
        listed.add(m.get("partition").asText() + "/" + f.get("path").asText());
        rows += f.get("rows").asLong();
      }
    }
    assertEquals(files, listed);
    assertEquals(2, manifests.size());
    assertTrue(rows > 4_000);
  }

  private static Set<String> localFiles(String lake) throws Exception {
    Set<String> out = new HashSet<>();
    Path events = Path.of(lake, "events");
    try (Stream<Path> files = Files.walk(events)) {
      files.filter(f -> f.toString().endsWith(".parquet"))
          .forEach(f -> out.add(events.relativize(f).toString()));
    }
    return out;
  }

  private static List<JsonNode> localManifests(String lake) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of(lake, "events"))) {
      for (Path m : files.filter(f -> f.getFileName().toString().equals("_manifest.json")).toList()) {
        out.add(JSON.readTree(m.toFile()));
      }
    }
    return out;
  }

  private static Set<String> s3Files(S3Client client) {
    Set<String> out = new HashSet<>();
    for (S3Object o : client.listObjectsV2Paginator(b -> b.bucket("lake").prefix("gh/events/")).contents()) {
      if (o.key().endsWith(".parquet")) {
        out.add(o.key().substring("gh/events/".length()));
      }
    }
    return out;
  }

  private static List<JsonNode> s3Manifests(S3Client client) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (S3Object o : client.listObjectsV2Paginator(b -> b.bucket("lake").prefix("gh/events/")).contents()) {
      if (o.key().endsWith("/_manifest.json")) {
        out.add(JSON.readTree(client.getObjectAsBytes(g -> g.bucket("lake").key(o.key())).asByteArray()));
      }
    }
    return out;
  }
}
