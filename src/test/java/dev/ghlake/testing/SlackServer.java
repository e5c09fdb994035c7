package dev.ghlake.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Slack incoming webhook on 127.0.0.1: records each POSTed payload, answers "ok", or answers
 * as Slack does under load (429 with Retry-After, 500) when told to.
 */
public final class SlackServer implements AutoCloseable {
  private final HttpServer server;
  private final List<String> payloads = new CopyOnWriteArrayList<>();
  private final List<Long> times = new CopyOnWriteArrayList<>();
  private final Deque<Integer> answers = new ArrayDeque<>();

  public SlackServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** A webhook URL of this server; {@code token} stands for the secret part of a real one. */
  public String webhook(String token) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/services/T000/B000/" + token;
  }

  public synchronized void answerNext(Integer... statuses) {
    answers.addAll(List.of(statuses));
  }

  /** Every payload received, delivered or not. */
  public List<String> payloads() {
    return payloads;
  }

  /** When each payload arrived (System.nanoTime). */
  public List<Long> times() {
    return times;
  }

  private void handle(HttpExchange ex) throws IOException {
    payloads.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    times.add(System.nanoTime());
    Integer status;
    synchronized (this) {
      status = answers.poll();
    }
    int code = status == null ? 200 : status;
    byte[] body = (code == 200 ? "ok" : code == 429 ? "rate_limited" : "internal_error")
        .getBytes(StandardCharsets.UTF_8);
    if (code == 429) {
      ex.getResponseHeaders().add("Retry-After", "1");
    }
    ex.sendResponseHeaders(code, body.length);
    ex.getResponseBody().write(body);
    ex.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
