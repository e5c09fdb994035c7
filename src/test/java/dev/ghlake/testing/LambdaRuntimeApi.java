package dev.ghlake.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The Lambda Runtime API on 127.0.0.1, as the Lambda service offers it to a runtime: {@code GET
 * /2018-06-01/runtime/invocation/next} hands over the next event (with its request id, deadline
 * and function ARN), {@code POST .../invocation/<id>/response} and {@code .../error} take the
 * outcome, {@code POST .../init/error} a failed start. AWS's own runtime interface client talks
 * to it exactly as it talks to Lambda.
 */
public final class LambdaRuntimeApi implements AutoCloseable {
  private static final String PREFIX = "/2018-06-01/runtime/";

  /** What an invocation ended with: a response body, or an error body. */
  public record Outcome(boolean failed, String body) {}

  private record Invocation(String id, String event, long deadlineEpochMillis) {}

  private final HttpServer server;
  private final BlockingQueue<Invocation> pending = new LinkedBlockingQueue<>();
  private final Map<String, BlockingQueue<Outcome>> outcomes = new ConcurrentHashMap<>();
  private final List<String> initErrors = new CopyOnWriteArrayList<>();
  private volatile long firstPollMillis;

  public LambdaRuntimeApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(PREFIX, this::handle);
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
  }

  /** What to set {@code AWS_LAMBDA_RUNTIME_API} to. */
  public String address() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /**
   * Invokes the function with an event, the deadline {@code seconds} from now, and waits for its
   * outcome (up to {@code waitSeconds}).
   */
  public Outcome invoke(String event, long seconds, long waitSeconds) throws InterruptedException {
    String id = UUID.randomUUID().toString();
    BlockingQueue<Outcome> result = new LinkedBlockingQueue<>();
    outcomes.put(id, result);
    pending.add(new Invocation(id, event, System.currentTimeMillis() + seconds * 1000));
    Outcome o = result.poll(waitSeconds, TimeUnit.SECONDS);
    if (o == null) {
      throw new AssertionError("no outcome for the invocation within " + waitSeconds + " s"
          + (initErrors.isEmpty() ? "" : "; init errors: " + initErrors));
    }
    return o;
  }

  public List<String> initErrors() {
    return initErrors;
  }

  private void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath().substring(PREFIX.length());
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    if (ex.getRequestMethod().equals("GET") && path.equals("invocation/next")) {
      next(ex);
      return;
    }
    if (path.equals("init/error")) {
      initErrors.add(body);
    } else if (path.startsWith("invocation/")) {
      String[] parts = path.split("/");
      BlockingQueue<Outcome> result = outcomes.get(parts[1]);
      if (result != null) {
        result.add(new Outcome(parts[2].equals("error"), body));
      }
    }
    reply(ex, 202, "{\"status\":\"OK\"}");
  }

  /** When the runtime first asked for an event (its init ended), epoch millis; 0 before. */
  public long firstPollMillis() {
    return firstPollMillis;
  }

  private void next(HttpExchange ex) throws IOException {
    if (firstPollMillis == 0) {
      firstPollMillis = System.currentTimeMillis();
    }
    Invocation inv;
    try {
      inv = pending.take(); // a runtime waits here between invocations, as on Lambda
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    ex.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", inv.id());
    ex.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms", Long.toString(inv.deadlineEpochMillis()));
    ex.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn",
        "arn:aws:lambda:us-east-1:123456789012:function:ghlake");
    ex.getResponseHeaders().add("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000");
    reply(ex, 200, inv.event());
  }

  private static void reply(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
    ex.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
