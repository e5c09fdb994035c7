package dev.ghlake.storage;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.ghlake.testing.S3ProxyServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Leases exclude each other by a create-if-absent: on a local folder, and on S3 through
 * If-None-Match (S3Proxy 3.0.0 honours it as AWS does; 2.6 would overwrite and prove nothing).
 */
public class LeasesTest {
  private static final Duration NO_WAIT = Duration.ZERO;
  private static final Duration TTL = Duration.ofMinutes(5);
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void onALocalFolder() throws Exception {
    String lake = tmp.newFolder("lake").getPath();
    exclusion(Leases.of(options(), lake), new LocalLeaseStore(Path.of(lake)));
  }

  @Test
  public void onS3WithConditionalWrites() throws Exception {
    try (S3ProxyServer s3 = new S3ProxyServer(tmp.newFolder("s3").toPath()).start();
        S3Client client = s3.client()) {
      StorageOptions options = lakeOn(s3, client);
      exclusion(Leases.of(options, "s3://lake/gh"), new S3LeaseStore(options, "lake", "gh"));
      assertTrue(client.listObjectsV2(b -> b.bucket("lake").prefix("gh/_leases/")).hasContents());
    }
  }

  /**
   * Two creates of one lease object at the same instant: exactly one wins, every time. S3Proxy
   * checks If-None-Match and writes in two steps, so both used to be told they had it. Twelve
   * pairs, each on a key of its own, race side by side: each create waits out its settling pause
   * ({@link S3LeaseStore#SETTLE}) at the same time as the others, not one pair after another.
   */
  @Test
  public void onS3TwoCreatesAtOnceHaveOneWinner() throws Exception {
    try (S3ProxyServer s3 = new S3ProxyServer(tmp.newFolder("s3").toPath()).start();
        S3Client client = s3.client()) {
      StorageOptions options = lakeOn(s3, client);
      S3LeaseStore one = new S3LeaseStore(options, "lake", "gh");
      S3LeaseStore two = new S3LeaseStore(options, "lake", "gh");
      int pairs = 12;
      ExecutorService pool = Executors.newFixedThreadPool(2 * pairs);
      try {
        List<Race> races = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
          String key = "_probe/race-" + i + ".json";
          CyclicBarrier together = new CyclicBarrier(2);
          races.add(new Race(key, pool.submit(() -> { together.await(); return one.createIfAbsent(key, "a"); }),
              pool.submit(() -> { together.await(); return two.createIfAbsent(key, "b"); })));
        }
        for (Race race : races) {
          boolean wonA = race.a().get();
          boolean wonB = race.b().get();
          assertTrue(race.key() + ": one winner, not " + (wonA && wonB ? "two" : "none"), wonA ^ wonB);
          assertEquals(wonA ? "a" : "b", one.get(race.key()));
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  /**
   * Two runs after the same six days at once, twice over, on S3 and on a local folder:
   * the first day decides, so one run holds every day and the other is refused naming it; no
   * lease object of the loser's is left. (The days after the first are created together and read
   * back after one pause: were the first not taken alone, S3Proxy's two-step creates would split
   * the days between the runs and refuse both.)
   */
  @Test
  public void twoRunsAfterTheSameDaysOneTakesThemAll() throws Exception {
    String lake = tmp.newFolder("lake").getPath();
    daysRace(Leases.of(options(), lake), Leases.of(options(), lake), new LocalLeaseStore(Path.of(lake)));
    try (S3ProxyServer s3 = new S3ProxyServer(tmp.newFolder("s3").toPath()).start();
        S3Client client = s3.client()) {
      StorageOptions options = lakeOn(s3, client);
      daysRace(Leases.of(options, "s3://lake/gh"), Leases.of(options, "s3://lake/gh"),
          new S3LeaseStore(options, "lake", "gh"));
    }
  }

  private static void daysRace(Leases one, Leases two, LeaseStore store) throws Exception {
    List<String> days = IntStream.rangeClosed(1, 6)
        .mapToObj(d -> String.format("dt=2024-07-%02d", d)).toList();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 2; round++) {
        CyclicBarrier together = new CyclicBarrier(2);
        String runA = "a" + round;
        String runB = "b" + round;
        Future<Object> a = pool.submit(() -> leaseOrRefusal(one, runA, days, together));
        Future<Object> b = pool.submit(() -> leaseOrRefusal(two, runB, days, together));
        Object byA = a.get();
        Object byB = b.get();
        assertTrue("one winner, not " + byA + " and " + byB, byA instanceof Lease ^ byB instanceof Lease);
        String winner = byA instanceof Lease ? runA : runB;
        String refusal = (String) (byA instanceof Lease ? byB : byA);
        assertTrue(refusal, refusal.contains("run " + winner + " holds dt=2024-07-01"));
        assertEquals(Set.of(winner), one.liveRuns());
        for (String day : days) { // the day's newest lease object is the winner's, and none is newer
          String newest = store.list(Leases.FOLDER + "/" + day + "/").stream()
              .filter(o -> o.endsWith(".json")).max(String::compareTo).orElseThrow();
          assertEquals(day, Leases.objectKey(day, round + 1), newest);
          assertEquals(day, winner, LeaseRecord.parse(store.get(newest)).runId());
        }
        ((Lease) (byA instanceof Lease ? byA : byB)).release();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** The run's lease of the days, or the message it was refused with. */
  private static Object leaseOrRefusal(Leases leases, String runId, List<String> days, CyclicBarrier together)
      throws Exception {
    together.await();
    try {
      return leases.acquire(runId, "w", days, NO_WAIT, TTL);
    } catch (LeaseRefusedException e) {
      return e.getMessage();
    }
  }

  /** One key's two creates, from two stores at once. */
  private record Race(String key, Future<Boolean> a, Future<Boolean> b) {}

  private static void exclusion(Leases leases, LeaseStore store) throws Exception {
    assertTrue(store.createIfAbsent("_probe/x.json", "first"));
    assertFalse("a second create of the same object fails", store.createIfAbsent("_probe/x.json", "second"));
    assertEquals("first", store.get("_probe/x.json"));

    Lease a = leases.acquire("run-a", "2024-07-01T00 .. 2024-07-02T00",
        List.of("dt=2024-07-01"), NO_WAIT, TTL);
    String refused = assertThrows(LeaseRefusedException.class, () -> leases.acquire("run-b", "w",
        List.of("dt=2024-06-30", "dt=2024-07-01"), NO_WAIT, TTL)).getMessage();
    assertTrue(refused, refused.contains("another run holds this window: run run-a holds dt=2024-07-01"));
    assertTrue("a run without a window conflicts with every day",
        assertThrows(LeaseRefusedException.class,
            () -> leases.acquire("run-c", "none", List.of(Leases.LAKE), NO_WAIT, TTL)).getMessage()
            .contains("run run-a holds dt=2024-07-01"));
    Lease other = leases.acquire("run-d", "w", List.of("dt=2024-07-02"), NO_WAIT, TTL);
    assertEquals(Set.of("run-a", "run-d"), leases.liveRuns());
    a.release();
    other.release();
    assertEquals(Set.of(), leases.liveRuns());
    Lease b = leases.acquire("run-b", "w", List.of("dt=2024-06-30", "dt=2024-07-01"), NO_WAIT, TTL);
    assertTrue(store.list(Leases.FOLDER + "/dt=2024-07-01/").contains(Leases.objectKey("dt=2024-07-01", 2)));
    b.close();
    Lease lake = leases.acquire("run-c", "none", List.of(Leases.LAKE), NO_WAIT, TTL);
    assertThrows(LeaseRefusedException.class,
        () -> leases.acquire("run-e", "w", List.of("dt=2024-07-03"), NO_WAIT, TTL));
    lake.close();
  }

  @Test
  public void aLeaseOfAProcessThatIsGoneIsFreeAtOnceAndAnExpiredOneAfterItsTime() throws Exception {
    String lake = tmp.newFolder("lake").getPath();
    Path key = Path.of(lake, "_leases", "dt=2024-07-01");
    Files.createDirectories(key);
    // a process of this host that has ended: pid 1 never started at this instant
    Files.writeString(key.resolve("0000000001.json"), "{\"run_id\":\"dead\",\"released\":false,"
        + "\"expires_at\":\"2999-01-01T00:00:00Z\",\"owner\":{\"host\":\""
        + dev.ghlake.model.ProcessOwner.current().host() + "\",\"pid\":1,\"started\":\"1970-01-01T00:00:00Z\"}}");
    Leases leases = Leases.of(options(), lake);
    assertEquals(Set.of(), leases.liveRuns());
    leases.acquire("alive", "w", List.of("dt=2024-07-01"), NO_WAIT, TTL).close();

    Path other = Path.of(lake, "_leases", "dt=2024-07-02");
    Files.createDirectories(other);
    Files.writeString(other.resolve("0000000001.json"), "{\"run_id\":\"elsewhere\",\"released\":false,"
        + "\"expires_at\":\"2000-01-01T00:00:00Z\",\"owner\":{\"host\":\"another-host\",\"pid\":7,\"started\":\"x\"}}");
    leases.acquire("late", "w", List.of("dt=2024-07-02"), NO_WAIT, TTL).close();
  }

  /** A bucket "lake" on the S3 server, and the options that reach it. */
  private static StorageOptions lakeOn(S3ProxyServer s3, S3Client client) {
    client.createBucket(b -> b.bucket("lake"));
    StorageOptions options = PipelineOptionsFactory.fromArgs(s3.beamOptions().toArray(new String[0]))
        .as(StorageOptions.class);
    LakeStorage.configure(options);
    return options;
  }

  private static StorageOptions options() {
    return PipelineOptionsFactory.as(StorageOptions.class);
  }
}
