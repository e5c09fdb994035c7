package dev.ghlake.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * AWS Secrets Manager and SSM Parameter Store on 127.0.0.1, speaking their real protocol (AWS
 * JSON 1.1, {@code X-Amz-Target}) to the real SDK clients: GetSecretValue and GetParameter, and
 * their errors (not found, access denied, throttling) on request.
 */
public final class AwsJsonServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpServer server;
  private final Map<String, String> secrets = new ConcurrentHashMap<>();
  private final Map<String, String> parameters = new ConcurrentHashMap<>();
  private final Deque<String> errors = new ArrayDeque<>();
  private final List<String> calls = new CopyOnWriteArrayList<>();

  public AwsJsonServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public void secret(String id, String value) {
    secrets.put(id, value);
  }

  public void parameter(String name, String value) {
    parameters.put(name, value);
  }

  /** The next requests answer with these AWS error types, one each (e.g. ThrottlingException). */
  public synchronized void failNext(String... errorTypes) {
    errors.addAll(List.of(errorTypes));
  }

  /** "target body" of each request, in order. */
  public List<String> calls() {
    return calls;
  }

  private void handle(HttpExchange ex) throws IOException {
    String target = ex.getRequestHeaders().getFirst("X-Amz-Target");
    JsonNode request = JSON.readTree(ex.getRequestBody());
    calls.add(target + " " + request);
    String error;
    synchronized (this) {
      error = errors.poll();
    }
    if (error != null) {
      reply(ex, 400, errorBody(error, "scripted " + error)); // AWS JSON errors are 400s, by type
      return;
    }
    if ("secretsmanager.GetSecretValue".equals(target)) {
      String id = request.get("SecretId").asText();
      String value = secrets.get(id);
      if (value == null) {
        reply(ex, 400, errorBody("ResourceNotFoundException", "Secrets Manager can't find the specified secret."));
      } else {
        reply(ex, 200, JSON.createObjectNode().put("ARN", "arn:aws:secretsmanager:us-east-1:111122223333:secret:" + id)
            .put("Name", id).put("SecretString", value).put("VersionId", "v1"));
      }
    } else if ("AmazonSSM.GetParameter".equals(target)) {
      String name = request.get("Name").asText();
      String value = parameters.get(name);
      if (value == null) {
        reply(ex, 400, errorBody("ParameterNotFound", "Parameter " + name + " not found."));
      } else {
        String shown = request.path("WithDecryption").asBoolean(false) ? value : "AQICAHencrypted";
        ObjectNode body = JSON.createObjectNode();
        body.putObject("Parameter").put("Name", name).put("Type", "SecureString")
            .put("Value", shown).put("Version", 1);
        reply(ex, 200, body);
      }
    } else {
      reply(ex, 400, errorBody("UnknownOperationException", "unknown target " + target));
    }
  }

  private static ObjectNode errorBody(String type, String message) {
    return JSON.createObjectNode().put("__type", type).put("message", message);
  }

  /** An AWS JSON 1.1 answer: errors are 400s with their type in {@code __type}. */
  static void reply(HttpExchange ex, int status, ObjectNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
    ex.getResponseHeaders().add("x-amzn-RequestId", "test-request");
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
    ex.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
