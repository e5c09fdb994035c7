package dev.ghlake.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/**
 * A web server on 127.0.0.1 that serves archive files from a folder as GH Archive's does
 * (with byte ranges), and misbehaves on request: each file can be given a queue of faults, one
 * used per request, the real HTTP protocol each time.
 */
public final class ArchiveHttpServer implements AutoCloseable {
  /** What one request of a file gets instead of a plain answer. */
  public enum Fault {
    NOT_FOUND, SERVER_ERROR, TOO_MANY_REQUESTS, FORBIDDEN, CUT_HALF_WAY, STALL_HALF_WAY, IGNORE_RANGE
  }

  private final Path folder;
  private final HttpServer server;
  private final Map<String, Deque<Fault>> faults = new ConcurrentHashMap<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final long stallMillis;

  public ArchiveHttpServer(Path folder, long stallMillis) throws IOException {
    this(folder, stallMillis, HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
  }

  private ArchiveHttpServer(Path folder, long stallMillis, HttpServer server) {
    this.folder = folder;
    this.stallMillis = stallMillis;
    this.server = server;
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", this::handle);
    server.start();
  }

  /** The same server over TLS, presenting {@code certificate}. */
  public static ArchiveHttpServer https(Path folder, long stallMillis, SSLContext certificate) throws IOException {
    HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(certificate));
    return new ArchiveHttpServer(folder, stallMillis, server);
  }

  public String url() {
    return (server instanceof HttpsServer ? "https" : "http") + "://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  public void fault(String file, Fault... queue) {
    faults.computeIfAbsent(file, f -> new ArrayDeque<>()).addAll(Arrays.asList(queue));
  }

  /** "file range" per request, in order, e.g. {@code "2024-07-01-1.json.gz bytes=5000-"}. */
  public List<String> requests() {
    return Collections.unmodifiableList(requests);
  }

  private void handle(HttpExchange ex) throws IOException {
    String name = ex.getRequestURI().getPath().substring(1);
    String range = ex.getRequestHeaders().getFirst("Range");
    requests.add(name + " " + (range == null ? "-" : range));
    Deque<Fault> queue = faults.get(name);
    Fault fault;
    synchronized (this) {
      fault = queue == null ? null : queue.poll();
    }
    Path file = folder.resolve(name);
    if (fault == Fault.NOT_FOUND || !Files.isRegularFile(file)) {
      answer(ex, 404);
    } else if (fault == Fault.SERVER_ERROR) {
      answer(ex, 500);
    } else if (fault == Fault.FORBIDDEN) {
      answer(ex, 403);
    } else if (fault == Fault.TOO_MANY_REQUESTS) {
      ex.getResponseHeaders().add("Retry-After", "1");
      answer(ex, 429);
    } else {
      serve(ex, Files.readAllBytes(file), fault == Fault.IGNORE_RANGE ? null : range, fault);
    }
  }

  private void serve(HttpExchange ex, byte[] all, String range, Fault fault) throws IOException {
    int from = range == null ? 0 : Integer.parseInt(range.replaceAll("bytes=(\\d+)-.*", "$1"));
    int status = from == 0 ? 200 : 206;
    if (status == 206) {
      ex.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (all.length - 1) + "/" + all.length);
    }
    ex.sendResponseHeaders(status, all.length - from);
    OutputStream body = ex.getResponseBody();
    int half = from + (all.length - from) / 2;
    if (fault == Fault.CUT_HALF_WAY || fault == Fault.STALL_HALF_WAY) {
      body.write(all, from, half - from);
      body.flush();
      if (fault == Fault.STALL_HALF_WAY) {
        sleep(stallMillis);
      }
      closeAbruptly(ex);
      return;
    }
    body.write(all, from, all.length - from);
    body.close();
  }

  private static void closeAbruptly(HttpExchange ex) {
    try {
      ex.close(); // fewer bytes than Content-Length: the server closes the connection
    } catch (RuntimeException ignored) {
      // "insufficient bytes written": exactly the point
    }
  }

  private static void answer(HttpExchange ex, int status) throws IOException {
    ex.sendResponseHeaders(status, -1);
    ex.close();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
