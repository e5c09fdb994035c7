package dev.ghlake.source.http;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.ghlake.GhLake;
import dev.ghlake.cli.CommandLine;
import dev.ghlake.run.GhLakeOptions;
import dev.ghlake.source.synthetic.SyntheticPlan;
import dev.ghlake.summary.RunSummary;
import dev.ghlake.testing.ArchiveHttpServer;
import dev.ghlake.testing.ArchiveHttpServer.Fault;
import dev.ghlake.testing.DuckDb;
import dev.ghlake.testing.TestArchives;
import dev.ghlake.testing.TestCertificate;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Archive hours from a web server that misbehaves as real ones do. */
public class HttpArchiveTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();
  private Path archive;
  private ArchiveHttpServer web;

  @Before
  public void serveArchive() throws Exception {
    archive = tmp.newFolder("archive").toPath();
    TestArchives.write(archive, new SyntheticPlan(12_000, 6, "2024-07-01T00"), 21);
    web = new ArchiveHttpServer(archive, 4_000);
  }

  @After
  public void stop() {
    web.close();
  }

  private RunSummary run(String input, String... extra) throws Exception {
    List<String> args = new ArrayList<>(List.of("--input=" + input, "--from=2024-07-01T00",
        "--to=2024-07-01T05", "--latenessHours=1", "--output=" + tmp.newFolder().getPath(),
        "--progressSeconds=0", "--httpTimeoutSeconds=1"));
    args.addAll(List.of(extra));
    return GhLake.run(CommandLine.options(args.toArray(new String[0])));
  }

  @Test
  public void cutStalledRefusedAndThrottledDownloadsStillGiveTheSameLakeAsTheFiles() throws Exception {
    web.fault("2024-07-01-0.json.gz", Fault.TOO_MANY_REQUESTS);
    web.fault("2024-07-01-1.json.gz", Fault.CUT_HALF_WAY);
    web.fault("2024-07-01-2.json.gz", Fault.SERVER_ERROR, Fault.SERVER_ERROR);
    web.fault("2024-07-01-3.json.gz", Fault.STALL_HALF_WAY);
    web.fault("2024-07-01-4.json.gz", Fault.CUT_HALF_WAY, Fault.IGNORE_RANGE);

    RunSummary fromWeb = run(web.url());
    RunSummary fromDisk = run(archive.toString());

    assertEquals(RunSummary.Status.success, fromWeb.status());
    assertTrue(fromWeb.identityHolds());
    assertEquals(fromDisk.read(), fromWeb.read());
    assertEquals(fromDisk.written(), fromWeb.written());
    assertEquals(fromDisk.outsideWindow(), fromWeb.outsideWindow());
    assertEquals(fromDisk.duplicates(), fromWeb.duplicates());
    List<String> requests = web.requests();
    assertTrue(requests.toString(), requests.stream().anyMatch(
        r -> r.startsWith("2024-07-01-1.json.gz bytes=") && !r.endsWith("bytes=0-")));
    assertTrue("the stalled download resumed where it stopped", requests.stream().anyMatch(
        r -> r.startsWith("2024-07-01-3.json.gz bytes=")));
    assertEquals(3, requests.stream().filter(r -> r.startsWith("2024-07-01-2.json.gz")).count());
    // a 404 for the margin hour 6 is expected: no gap in the window
    assertTrue(fromWeb.missingHours().isEmpty());
  }

  @Test
  public void theRealHoursOverHttpEqualTheRealHoursOnDisk() throws Exception {
    Path hours = dev.ghlake.testing.RealData.hours();
    try (ArchiveHttpServer real = new ArchiveHttpServer(hours, 4_000)) {
      real.fault("2013-02-15-0.json.gz", Fault.CUT_HALF_WAY, Fault.STALL_HALF_WAY);
      String[] window = {"--from=2013-02-15T08", "--to=2013-02-15T10", "--latenessHours=0"};
      RunSummary web = runWindow(real.url(), window);
      RunSummary disk = runWindow(hours.toString(), window);
      assertEquals(disk.read(), web.read());
      assertEquals(disk.written(), web.written());
      assertEquals(disk.outsideWindow(), web.outsideWindow());
      assertTrue(web.identityHolds());
      assertEquals(3, real.requests().stream().filter(r -> r.startsWith("2013-02-15-0")).count());
    }
  }

  private RunSummary runWindow(String input, String... window) throws Exception {
    List<String> args = new ArrayList<>(List.of("--input=" + input, "--output=" + tmp.newFolder().getPath(),
        "--progressSeconds=0", "--httpTimeoutSeconds=1"));
    args.addAll(List.of(window));
    return GhLake.run(CommandLine.options(args.toArray(new String[0])));
  }

  @Test
  public void aMissingHourIsReportedAndARefusalFailsTheRunNamingTheUrl() throws Exception {
    web.fault("2024-07-01-2.json.gz", Fault.NOT_FOUND);
    RunSummary missing = run(web.url());
    assertEquals(RunSummary.Status.incomplete, missing.status());
    assertEquals(List.of(web.url() + "2024-07-01-2.json.gz"), missing.missingHours());
    assertTrue(missing.identityHolds());

    web.fault("2024-07-01-3.json.gz", Fault.FORBIDDEN);
    RunSummary refused = run(web.url());
    assertEquals(RunSummary.Status.failed, refused.status());
    assertTrue(refused.failures().toString(), refused.failures().get(0)
        .contains(web.url() + "2024-07-01-3.json.gz answered HTTP 403"));
  }

  @Test
  public void aServerThatAnswersOnlyErrorsFailsTheRunAndCommitsNothing() throws Exception {
    web.fault("2024-07-01-3.json.gz", Fault.SERVER_ERROR, Fault.SERVER_ERROR);
    RunSummary down = run(web.url(), "--httpAttempts=2");
    assertEquals(RunSummary.Status.failed, down.status());
    String failure = down.failures().get(0);
    assertTrue(failure, failure.startsWith("1 archive file(s) could not be fetched, the source is "
        + "unreachable (first: " + web.url() + "2024-07-01-3.json.gz (GET " + web.url()
        + "2024-07-01-3.json.gz failed 2 times; last: "));
    assertTrue(failure, failure.contains("HTTP 500"));
    assertEquals(List.of(), down.partitions());
    assertEquals(List.of(), parquetFiles(down.output()));
  }

  @Test
  public void nothingListeningFailsTheRunWithTheRealCause() throws Exception {
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    RunSummary offline = run("http://127.0.0.1:" + closed + "/", "--httpAttempts=2");
    assertEquals(RunSummary.Status.failed, offline.status());
    String failure = offline.failures().get(0);
    assertTrue(failure, failure.startsWith("6 archive file(s) could not be fetched, the source is unreachable"));
    assertTrue(failure, failure.contains("java.net.ConnectException"));
    assertEquals(List.of(), offline.missingHours()); // an outage is not a missing hour
    assertEquals(List.of(), parquetFiles(offline.output()));
  }

  private static List<Path> parquetFiles(String lake) throws Exception {
    try (Stream<Path> files = Files.walk(Path.of(lake))) {
      return files.filter(f -> f.toString().endsWith(".parquet")).toList();
    }
  }

  @Test
  public void aDownloadThatNeverFinishesIsAnUnreadableFileNotAComplete() throws Exception {
    web.fault("2024-07-01-1.json.gz", Fault.CUT_HALF_WAY, Fault.SERVER_ERROR, Fault.SERVER_ERROR);
    RunSummary s = run(web.url(), "--httpAttempts=3");
    assertEquals(RunSummary.Status.incomplete, s.status());
    assertEquals(1, s.brokenSources().size());
    assertTrue(s.identityHolds());
    long fromHour1 = DuckDb.count("SELECT count(*) FROM read_parquet('" + s.output()
        + "/events/**/*.parquet') WHERE source_file = '2024-07-01-1.json.gz'");
    assertTrue("lines before the break are kept: " + fromHour1, fromHour1 > 0 && fromHour1 < 2_000);
  }

  @Test
  public void overTlsACutDownloadResumesAndAnUntrustedCertificateIsRefused() throws Exception {
    TestCertificate certificate = TestCertificate.create(tmp.newFolder("tls").toPath());
    SSLContext jvmDefault = SSLContext.getDefault();
    try (ArchiveHttpServer tls = ArchiveHttpServer.https(archive, 4_000, certificate.server())) {
      RunSummary untrusted = run(tls.url());
      assertEquals(RunSummary.Status.failed, untrusted.status());
      assertTrue(untrusted.failures().toString(), untrusted.failures().get(0).contains(
          "GET " + tls.url() + "2024-07-01-"));
      assertTrue(untrusted.failures().toString(), untrusted.failures().get(0).contains(
          "the server's TLS certificate is not trusted"));
      assertTrue("not retried: a certificate does not change", tls.requests().size() <= 6);

      SSLContext.setDefault(certificate.trusting()); // as a JVM trust store with a private CA would
      tls.fault("2024-07-01-1.json.gz", Fault.CUT_HALF_WAY);
      RunSummary overTls = run(tls.url());
      RunSummary fromDisk = run(archive.toString());
      assertTrue(tls.url(), tls.url().startsWith("https://127.0.0.1:"));
      assertEquals(RunSummary.Status.success, overTls.status());
      assertEquals(fromDisk.read(), overTls.read());
      assertEquals(fromDisk.written(), overTls.written());
      assertTrue("the cut download resumed by Range over TLS", tls.requests().stream().anyMatch(
          r -> r.startsWith("2024-07-01-1.json.gz bytes=") && !r.endsWith("bytes=0-")));
    } finally {
      SSLContext.setDefault(jvmDefault);
    }
  }
}
