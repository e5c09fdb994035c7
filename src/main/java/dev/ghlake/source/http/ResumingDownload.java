package dev.ghlake.source.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLHandshakeException;
import org.apache.beam.sdk.util.BackOff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The body of one archive file, as one stream, although the connection under it may break.
 * A body that is cut, reset or stalls (no bytes for the timeout) is resumed from the byte it
 * reached with an HTTP Range request; a server that ignores Range sends it whole, and the bytes
 * already read are skipped. So no byte is read twice and none is missed. 5xx and 429 answers
 * are retried with backoff; when the attempts run out the read fails, and the caller reports the
 * file as unreadable, never as complete.
 */
final class ResumingDownload extends InputStream {
  private static final Logger LOG = LoggerFactory.getLogger(ResumingDownload.class);
  private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-\\d+/(\\d+|\\*)");

  private final HttpClient client;
  private final URI url;
  private final HttpSettings settings;
  private final ScheduledFuture<?> watchdog;
  private InputStream body;
  private long offset;
  private long length = -1;
  private int attempt;
  private final BackOff backoff;
  private volatile long lastProgress = System.nanoTime();
  private volatile boolean stalled;

  private ResumingDownload(HttpClient client, URI url, HttpSettings settings,
      ScheduledExecutorService timer) {
    this.client = client;
    this.url = url;
    this.settings = settings;
    this.backoff = settings.backoff();
    long every = Math.max(50, settings.timeout().toMillis() / 4);
    this.watchdog = timer.scheduleAtFixedRate(this::checkStall, every, every, TimeUnit.MILLISECONDS);
  }

  /** Opens the download; null when the server says the file does not exist (404). */
  static ResumingDownload open(HttpClient client, URI url, HttpSettings settings,
      ScheduledExecutorService timer) throws IOException {
    ResumingDownload d = new ResumingDownload(client, url, settings, timer);
    try {
      if (!d.connect(null)) {
        d.close();
        return null;
      }
      return d;
    } catch (IOException | RuntimeException e) {
      d.close();
      throw e;
    }
  }

  /** Bytes of the body received so far. */
  long bytesReceived() {
    return offset;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    while (true) {
      IOException failure;
      try {
        int n = body.read(b, off, len);
        if (n > 0) {
          offset += n;
          lastProgress = System.nanoTime();
          return n;
        }
        if (n < 0 && !stalled && (length < 0 || offset >= length)) {
          return -1;
        }
        failure = new EOFException("body ended at byte " + offset + " of " + (length < 0 ? "?" : length)
            + (stalled ? " (stalled)" : ""));
      } catch (IOException e) {
        failure = e;
      }
      connect(failure);
    }
  }

  /**
   * Sends the request (from {@code offset} when resuming), retrying what retrying can fix.
   * Returns false for a 404 on the first request.
   */
  private boolean connect(IOException cause) throws IOException {
    IOException last = cause;
    while (true) {
      if (last != null) {
        closeBody();
        if (++attempt >= settings.attempts()) {
          throw new IOException("GET " + url + " failed " + attempt + " times; last: " + last, last);
        }
        LOG.warn("GET {} at byte {}: {}; attempt {} of {}", url, offset, last, attempt + 1,
            settings.attempts());
        sleep(last instanceof RetryAfter r && r.wait != null ? r.wait : Duration.ofMillis(Math.max(0, backoff.nextBackOffMillis())));
      }
      stalled = false;
      lastProgress = System.nanoTime();
      try {
        HttpResponse<InputStream> response = client.send(request(), HttpResponse.BodyHandlers.ofInputStream());
        int status = response.statusCode();
        if (status == 200 || status == 206) {
          body = response.body();
          startBody(response, status);
          return true;
        }
        response.body().close();
        if (status == 404 && offset == 0 && cause == null && attempt == 0) {
          return false;
        }
        if (status == 429 || status >= 500) {
          last = new RetryAfter(status, retryAfter(response));
          continue;
        }
        throw RefusedDownloadException.status(url.toString(), status);
      } catch (RefusedDownloadException e) {
        throw e;
      } catch (SSLHandshakeException e) {
        if (untrusted(e)) {
          throw RefusedDownloadException.untrusted(url.toString(), e);
        }
        last = e; // a handshake cut off: try again
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted downloading " + url);
      } catch (IOException e) {
        last = e; // refused, reset, timed out: try again
      }
    }
  }

  /** A handshake that failed on the certificate, not on the connection. */
  private static boolean untrusted(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CertificateException || t instanceof CertPathBuilderException) {
        return true;
      }
    }
    return false;
  }

  private HttpRequest request() {
    HttpRequest.Builder r = HttpRequest.newBuilder(url).timeout(settings.timeout()).GET();
    if (offset > 0) {
      r.header("Range", "bytes=" + offset + "-");
    }
    return r.build();
  }

  /** Positions the new body at {@code offset}: a 206 starts there, a 200 from the top. */
  private void startBody(HttpResponse<InputStream> response, int status) throws IOException {
    if (status == 206) {
      Matcher m = CONTENT_RANGE.matcher(response.headers().firstValue("Content-Range").orElse(""));
      if (!m.matches() || Long.parseLong(m.group(1)) != offset) {
        throw new IOException("GET " + url + ": range answer does not start at byte " + offset);
      }
      length = m.group(2).equals("*") ? length : Long.parseLong(m.group(2));
      return;
    }
    length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
    long skip = offset; // the server ignored Range: read past what we already have
    while (skip > 0) {
      long n = body.skip(skip);
      if (n <= 0) {
        if (body.read() < 0) {
          throw new EOFException("GET " + url + ": shorter than the " + offset + " bytes already read");
        }
        n = 1;
      }
      skip -= n;
    }
  }

  private void checkStall() {
    if (body != null && System.nanoTime() - lastProgress > settings.timeout().toNanos()) {
      stalled = true;
      closeBody(); // unblocks the reader, which resumes
    }
  }

  private void closeBody() {
    InputStream b = body;
    if (b != null) {
      try {
        b.close();
      } catch (IOException ignored) {
        // a broken body may fail to close; it is dropped either way
      }
    }
  }

  private static Duration retryAfter(HttpResponse<?> response) {
    return response.headers().firstValue("Retry-After")
        .filter(v -> v.chars().allMatch(Character::isDigit))
        .map(v -> Duration.ofSeconds(Math.min(Long.parseLong(v), 300)))
        .orElse(null);
  }

  private static void sleep(Duration d) throws InterruptedIOException {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to retry");
    }
  }

  @Override
  public void close() {
    watchdog.cancel(false);
    closeBody();
  }

  /** A 429 or 5xx answer, with the wait the server asked for, if any. */
  private static final class RetryAfter extends IOException {
    private final Duration wait;

    RetryAfter(int status, Duration wait) {
      super("HTTP " + status);
      this.wait = wait;
    }
  }
}
