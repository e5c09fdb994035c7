package dev.ghlake.source.http;

import dev.ghlake.accounting.SourceOutcome;
import dev.ghlake.source.GzipLines;
import dev.ghlake.source.LineSink;
import dev.ghlake.source.SourceUnit;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads archive hours and streams them, gunzipped, as lines: never a whole file in memory.
 * 404 is a missing hour; a download that cannot be finished is a broken file (lines before the
 * break kept); a server that cannot be reached at all (every attempt refused, timed out or
 * answered 5xx) is an unreachable hour, which fails the run; any other refusal (403, 401,
 * 400…) fails the run at once, naming the URL.
 */
public final class Downloads implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Downloads.class);
  /** One limit per JVM, whatever the number of readers. */
  private static final Map<Integer, Semaphore> SLOTS = new ConcurrentHashMap<>();

  private final HttpSettings settings;
  private final HttpClient client;
  private final ScheduledExecutorService timer;

  public Downloads(HttpSettings settings) {
    this.settings = settings;
    this.client = HttpClient.newBuilder().connectTimeout(settings.timeout())
        .followRedirects(HttpClient.Redirect.NORMAL).build();
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "ghlake-download-watchdog");
      t.setDaemon(true);
      return t;
    });
  }

  /** Reads one hour; throws only for a refusal that no retry can fix. */
  public SourceOutcome read(SourceUnit unit, int maxLineBytes, GzipLines gzip,
      LineSink sink) throws IOException {
    Semaphore slots = SLOTS.computeIfAbsent(settings.concurrency(), Semaphore::new);
    slots.acquireUninterruptibly();
    ResumingDownload download = null;
    try {
      download = ResumingDownload.open(client, URI.create(unit.location()), settings, timer);
      if (download == null) {
        LOG.warn("Archive hour not on the server (404): {}", unit.location());
        return unit.missing("404 Not Found");
      }
      LOG.info("Downloading {}", unit.location());
      return gzip.read(download, sink).outcome(unit, download.bytesReceived());
    } catch (RefusedDownloadException e) {
      throw new IOException(e.getMessage() + ": check --input (and access to it)", e);
    } catch (IOException e) { // could not even start: every attempt failed, the server is down
      LOG.warn("Could not fetch {}: {}", unit.location(), e.toString());
      return new SourceOutcome(unit.name(), unit.location(), unit.hour(), unit.role(),
          SourceOutcome.Status.UNREACHABLE, 0, 0, rootCause(e));
    } finally {
      if (download != null) {
        download.close();
      }
      slots.release();
    }
  }

  /** The innermost cause: "Connection refused", not the client's wrapper around it. */
  private static String rootCause(IOException e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String what = t.getMessage() == null ? t.getClass().getSimpleName()
        : t.getClass().getSimpleName() + ": " + t.getMessage();
    return e.getMessage() + (t == e ? "" : " [" + what + "]");
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
