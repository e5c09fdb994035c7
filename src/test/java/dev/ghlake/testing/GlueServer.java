package dev.ghlake.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * The AWS Glue Data Catalog on 127.0.0.1, speaking its real protocol (AWS JSON 1.1, {@code
 * X-Amz-Target: AWSGlue.*}) to the SDK's Glue client: databases and tables as Iceberg's Glue
 * catalog uses them, with Glue's optimistic lock ({@code UpdateTable}'s {@code VersionId}: a
 * stale one is a ConcurrentModificationException). Every request's SigV4 signature is checked
 * by signing it again with the known keys; an unsigned or wrongly signed one is refused as AWS
 * refuses it.
 */
public final class GlueServer implements AutoCloseable {
  public static final String ACCESS_KEY = "AKIDGLUETEST";
  public static final String SECRET_KEY = "glue-test-secret";
  public static final String REGION = "eu-west-1";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpServer server;
  private final Map<String, ObjectNode> databases = new LinkedHashMap<>();
  private final Map<String, ObjectNode> tables = new LinkedHashMap<>();
  private final List<String> calls = new ArrayList<>();
  private final AtomicInteger conflicts = new AtomicInteger();
  private volatile CountDownLatch heldUpdates = new CountDownLatch(0);

  /** The keys, for Iceberg's {@code client.credentials-provider} (it calls {@code create()} by name). */
  public static final class Credentials implements AwsCredentialsProvider {
    private Credentials() {}

    public static Credentials create() {
      return new Credentials();
    }

    @Override
    public AwsCredentials resolveCredentials() {
      return AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY);
    }
  }

  private final SigV4 signature;

  /** Glue in {@link #REGION}, signed with {@link Credentials}' keys. */
  public GlueServer() throws IOException {
    this(ACCESS_KEY, SECRET_KEY, REGION);
  }

  /** Glue in {@code region}, for requests signed with these keys. */
  public GlueServer(String accessKey, String secretKey, String region) throws IOException {
    this.signature = new SigV4(accessKey, secretKey, region, "glue");
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(Executors.newCachedThreadPool()); // held requests must not hold the rest
    server.start();
  }

  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The Glue table as GetTable answers it, or null. */
  public synchronized ObjectNode table(String database, String name) {
    ObjectNode t = tables.get(database + "." + name);
    return t == null ? null : t.deepCopy();
  }

  /** "operation" of each request, in order. */
  public synchronized List<String> calls() {
    return List.copyOf(calls);
  }

  /**
   * The next {@code n} UpdateTable calls wait until all have arrived (at most 30 s), then are
   * answered one after another: a race on Glue's lock made certain.
   */
  public void holdUpdates(int n) {
    heldUpdates = new CountDownLatch(n);
  }

  /** UpdateTable calls refused for a stale VersionId. */
  public int conflicts() {
    return conflicts.get();
  }

  private void handle(HttpExchange ex) throws IOException {
    byte[] body = ex.getRequestBody().readAllBytes();
    String target = ex.getRequestHeaders().getFirst("X-Amz-Target");
    String denied = signature.check(ex, body);
    if (denied != null) {
      AwsJsonServer.reply(ex, 403, error("InvalidSignatureException", denied));
      return;
    }
    JsonNode request = JSON.readTree(body);
    String op = target == null ? "" : target.replaceFirst("^AWSGlue\\.", "");
    if (op.equals("UpdateTable")) {
      await(heldUpdates);
    }
    ObjectNode answer;
    synchronized (this) {
      calls.add(op);
      answer = answer(op, request);
    }
    AwsJsonServer.reply(ex, answer.has("__type") ? 400 : 200, answer);
  }

  private static void await(CountDownLatch latch) {
    latch.countDown();
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private ObjectNode answer(String op, JsonNode request) {
    return switch (op) {
      case "GetDatabase" -> {
        ObjectNode db = databases.get(request.path("Name").asText());
        yield db == null ? notFound("Database " + request.path("Name").asText() + " not found.")
            : object().set("Database", db.deepCopy());
      }
      case "GetDatabases" -> {
        ObjectNode out = object();
        databases.values().forEach(db -> out.withArray("DatabaseList").add(db.deepCopy()));
        yield out;
      }
      case "CreateDatabase" -> {
        JsonNode input = request.path("DatabaseInput");
        String name = input.path("Name").asText();
        if (databases.containsKey(name)) {
          yield error("AlreadyExistsException", "Database already exists.");
        }
        databases.put(name, ((ObjectNode) input).deepCopy());
        yield object();
      }
      case "GetTable" -> {
        ObjectNode t = tables.get(request.path("DatabaseName").asText() + "." + request.path("Name").asText());
        yield t == null ? notFound("Table " + request.path("Name").asText() + " not found.")
            : object().set("Table", t.deepCopy());
      }
      case "GetTables" -> {
        ObjectNode out = object();
        out.putArray("TableList");
        tables.values().stream().filter(t -> t.path("DatabaseName").asText().equals(request.path("DatabaseName").asText()))
            .forEach(t -> out.withArray("TableList").add(t.deepCopy()));
        yield out;
      }
      case "CreateTable" -> createTable(request);
      case "UpdateTable" -> updateTable(request);
      case "DeleteTable" -> {
        ObjectNode gone = tables.remove(request.path("DatabaseName").asText() + "." + request.path("Name").asText());
        yield gone == null ? notFound("Table not found.") : object();
      }
      default -> error("UnknownOperationException", "unknown operation " + op);
    };
  }

  private ObjectNode createTable(JsonNode request) {
    String db = request.path("DatabaseName").asText();
    JsonNode input = request.path("TableInput");
    String key = db + "." + input.path("Name").asText();
    if (!databases.containsKey(db)) {
      return notFound("Database " + db + " not found.");
    }
    if (tables.containsKey(key)) {
      return error("AlreadyExistsException", "Table already exists.");
    }
    tables.put(key, stored(db, input, 1));
    return object();
  }

  private ObjectNode updateTable(JsonNode request) {
    String db = request.path("DatabaseName").asText();
    JsonNode input = request.path("TableInput");
    ObjectNode current = tables.get(db + "." + input.path("Name").asText());
    if (current == null) {
      return notFound("Table not found.");
    }
    int version = current.path("VersionId").asInt();
    if (request.hasNonNull("VersionId") && request.path("VersionId").asInt() != version) {
      conflicts.incrementAndGet();
      return error("ConcurrentModificationException", "Update table failed due to concurrent modifications.");
    }
    tables.put(db + "." + input.path("Name").asText(), stored(db, input, version + 1));
    return object();
  }

  private static ObjectNode stored(String db, JsonNode input, int version) {
    ObjectNode t = ((ObjectNode) input).deepCopy();
    t.put("DatabaseName", db).put("VersionId", Integer.toString(version));
    return t;
  }

  private static ObjectNode object() {
    return JSON.createObjectNode();
  }

  private static ObjectNode notFound(String message) {
    return error("EntityNotFoundException", message);
  }

  private static ObjectNode error(String type, String message) {
    return object().put("__type", type).put("Message", message);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
