package dev.ghlake.source.http;

import dev.ghlake.accounting.Tally;
import dev.ghlake.accounting.TallyingDoFn;
import dev.ghlake.model.Accounting;
import dev.ghlake.model.RawLine;
import dev.ghlake.model.RejectReason;
import dev.ghlake.model.Rejected;
import dev.ghlake.source.ArchiveStreamReader;
import dev.ghlake.source.SourceNames;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.zip.GZIPInputStream;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads one archive hour and streams it, gunzipped, as lines: never a whole file in memory.
 * 404 is a missing hour; a download that cannot be finished is an unreadable file (lines before
 * the break kept); any other refusal (403, 401, 400…) fails the run, naming the URL.
 */
class DownloadHourFn extends TallyingDoFn<String, RawLine> {
  private static final Logger LOG = LoggerFactory.getLogger(DownloadHourFn.class);
  /** One limit per JVM, whatever the number of DoFn instances. */
  private static final Map<Integer, Semaphore> SLOTS = new ConcurrentHashMap<>();

  private final HttpSettings settings;
  private final Set<String> marginUrls;
  private final ArchiveStreamReader reader;
  private final Counter filesOpened = Metrics.counter(Accounting.NAMESPACE, Accounting.FILES_OPENED);
  private final Counter filesDone = Metrics.counter(Accounting.NAMESPACE, Accounting.FILES_DONE);
  private final Counter missing = Metrics.counter(Accounting.NAMESPACE, Accounting.MISSING_FILES);
  private transient HttpClient client;
  private transient ScheduledExecutorService timer;

  DownloadHourFn(HttpSettings settings, Set<String> marginUrls, int maxLineBytes) {
    this.settings = settings;
    this.marginUrls = marginUrls;
    this.reader = new ArchiveStreamReader(DownloadArchiveHours.LINES, DownloadArchiveHours.REJECTED, maxLineBytes);
  }

  @Setup
  public void setup() {
    client = HttpClient.newBuilder().connectTimeout(settings.timeout())
        .followRedirects(HttpClient.Redirect.NORMAL).build();
    timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "ghlake-download-watchdog");
      t.setDaemon(true);
      return t;
    });
  }

  @ProcessElement
  public void process(@Element String url, MultiOutputReceiver out) throws IOException, InterruptedException {
    String source = SourceNames.of(url);
    Semaphore slots = SLOTS.computeIfAbsent(settings.concurrency(), Semaphore::new);
    slots.acquire();
    ResumingDownload download = null;
    try {
      download = ResumingDownload.open(client, URI.create(url), settings, timer);
      if (download == null) {
        recordMissing(url, source);
        return;
      }
      LOG.info("Downloading {}", url);
      filesOpened.inc();
      reader.read(new GZIPInputStream(download, 1 << 16), url, tallies(), out);
    } catch (RefusedDownloadException e) {
      throw new IllegalStateException(e.getMessage() + ": check --input (and access to it)", e);
    } catch (IOException e) { // could not even start (e.g. not gzip, or every attempt failed)
      tallies().add(Tally.Kind.FILE_ERROR, RejectReason.UNREADABLE_FILE.label(), "", source);
      out.get(DownloadArchiveHours.REJECTED).output(new Rejected(url, 0, RejectReason.UNREADABLE_FILE,
          "download failed: " + e, ""));
    } finally {
      if (download != null) {
        tallies().add(Tally.key(Tally.Kind.SOURCE_BYTES, url, "", source), download.bytesReceived());
        download.close();
        filesDone.inc();
      }
      slots.release();
    }
  }

  private void recordMissing(String url, String source) {
    boolean margin = marginUrls.contains(url);
    if (!margin) {
      LOG.warn("Missing archive hour (404): {}", url);
      missing.inc();
    }
    tallies().add(Tally.Kind.MISSING, margin ? "margin" : "window", "", url);
  }

  @Teardown
  public void teardown() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
