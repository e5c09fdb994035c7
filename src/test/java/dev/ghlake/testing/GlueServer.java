package dev.ghlake.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.signer.Aws4Signer;
import software.amazon.awssdk.auth.signer.params.Aws4SignerParams;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.regions.Region;

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
  private static final Pattern AUTH = Pattern.compile(
      "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/glue/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})");
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

  private final String accessKey;
  private final String secretKey;
  private final String region;

  /** Glue in {@link #REGION}, signed with {@link Credentials}' keys. */
  public GlueServer() throws IOException {
    this(ACCESS_KEY, SECRET_KEY, REGION);
  }

  /** Glue in {@code region}, for requests signed with these keys. */
  public GlueServer(String accessKey, String secretKey, String region) throws IOException {
    this.accessKey = accessKey;
    this.secretKey = secretKey;
    this.region = region;
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
    String denied = checkSignature(ex, body);
    if (denied != null) {
      reply(ex, 403, error("InvalidSignatureException", denied));
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
    reply(ex, answer.has("__type") ? 400 : 200, answer);
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

  /** Null if the request is signed with the known keys for Glue in the region; else why not. */
  private String checkSignature(HttpExchange ex, byte[] body) {
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    Matcher m = auth == null ? null : AUTH.matcher(auth);
    if (m == null || !m.matches()) {
      return "Missing or malformed SigV4 Authorization header: " + auth;
    }
    if (!m.group(1).equals(accessKey) || !m.group(3).equals(region)) {
      return "The security token included in the request is invalid (key " + m.group(1) + ", region " + m.group(3) + ").";
    }
    String amzDate = ex.getRequestHeaders().getFirst("X-Amz-Date");
    SdkHttpFullRequest.Builder again = SdkHttpFullRequest.builder().method(SdkHttpMethod.fromValue(ex.getRequestMethod()))
        .uri(URI.create("http://" + ex.getRequestHeaders().getFirst("Host") + ex.getRequestURI()))
        .contentStreamProvider(() -> new java.io.ByteArrayInputStream(body));
    for (String header : m.group(4).split(";")) {
      again.putHeader(header, ex.getRequestHeaders().get(header));
    }
    ZonedDateTime at = ZonedDateTime.parse(amzDate, DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssX"));
    Aws4SignerParams params = Aws4SignerParams.builder()
        .awsCredentials(AwsBasicCredentials.create(accessKey, secretKey)).signingName("glue")
        .signingRegion(Region.of(region)).signingClockOverride(Clock.fixed(at.toInstant(), ZoneOffset.UTC)).build();
    String expected = Aws4Signer.create().sign(again.build(), params).firstMatchingHeader("Authorization").orElse("");
    return expected.equals(auth) ? null : "The request signature we calculated does not match the signature you provided.";
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

  private static void reply(HttpExchange ex, int status, ObjectNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
    ex.getResponseHeaders().add("x-amzn-RequestId", "glue-test");
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
    ex.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
