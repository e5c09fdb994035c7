package dev.ghlake.testing;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.NoSuchNamespaceException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.exceptions.NotAuthorizedException;
import org.apache.iceberg.exceptions.ValidationException;
import org.apache.iceberg.rest.CatalogHandlers;
import org.apache.iceberg.rest.RESTSerializers;
import org.apache.iceberg.rest.RESTUtil;
import org.apache.iceberg.rest.requests.CreateNamespaceRequest;
import org.apache.iceberg.rest.requests.CreateTableRequest;
import org.apache.iceberg.rest.requests.UpdateTableRequest;
import org.apache.iceberg.rest.responses.ConfigResponse;
import org.apache.iceberg.rest.responses.ErrorResponse;

/**
 * An Iceberg REST catalog on loopback, speaking the protocol of Iceberg's REST catalog spec
 * (the routes a client of tables uses: config, namespaces, tables, commits, metrics) with Iceberg's
 * own request handlers ({@code CatalogHandlers}) and serializers over a real catalog, as the REST
 * catalogs of S3 Tables and Glue put one behind HTTP. Counts the commits it served.
 */
public final class IcebergRestServer implements AutoCloseable {
  private final Catalog backend;
  private final HttpServer http;
  private final ObjectMapper json = new ObjectMapper();
  private final AtomicInteger commits = new AtomicInteger();
  private final SigV4 signature;

  public IcebergRestServer(Catalog backend) throws IOException {
    this(backend, null);
  }

  /**
   * A catalog that, as the Iceberg REST endpoints of S3 Tables ({@code s3tables}) and Glue
   * ({@code glue}) do, refuses every request not signed as {@code signature} says (null: none).
   */
  public IcebergRestServer(Catalog backend, SigV4 signature) throws IOException {
    this.backend = backend;
    this.signature = signature;
    // as Iceberg's own REST mapper is set up (package-private there): fields, kebab-case names
    json.setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
    json.setVisibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY);
    json.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    json.setPropertyNamingStrategy(new PropertyNamingStrategies.KebabCaseStrategy());
    RESTSerializers.registerAll(json);
    http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    http.setExecutor(Executors.newFixedThreadPool(4));
    http.createContext("/v1/", this::handle);
    http.start();
  }

  /** The catalog's URI, for {@code --icebergUri}. */
  public String uri() {
    return "http://127.0.0.1:" + http.getAddress().getPort();
  }

  /** Table commits served so far. */
  public int commits() {
    return commits.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      List<String> path = Arrays.asList(exchange.getRequestURI().getRawPath().substring("/v1/".length()).split("/"));
      byte[] body = exchange.getRequestBody().readAllBytes();
      Object response;
      int status = 200;
      String denied = signature == null ? null : signature.check(exchange, body);
      try {
        if (denied != null) {
          throw new NotAuthorizedException("%s", denied);
        }
        response = route(method, path, body);
      } catch (NotAuthorizedException e) {
        status = 403;
        response = error(403, e);
      } catch (NoSuchTableException | NoSuchNamespaceException e) {
        status = 404;
        response = error(404, e);
      } catch (AlreadyExistsException | CommitFailedException e) {
        status = 409;
        response = error(409, e);
      } catch (ValidationException | IllegalArgumentException e) {
        status = 400;
        response = error(400, e);
      } catch (RuntimeException | IOException e) { // a server error, said as a real catalog would
        e.printStackTrace();
        status = 500;
        response = error(500, e);
      }
      byte[] out = response == null ? new byte[0] : json.writeValueAsBytes(response);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      if (out.length == 0 || method.equals("HEAD")) {
        exchange.sendResponseHeaders(status == 200 ? 204 : status, -1);
      } else {
        exchange.sendResponseHeaders(status, out.length);
        try (OutputStream o = exchange.getResponseBody()) {
          o.write(out);
        }
      }
    }
  }

  private Object route(String method, List<String> p, byte[] body) throws IOException {
    SupportsNamespaces namespaces = (SupportsNamespaces) backend;
    if (p.equals(List.of("config"))) {
      return ConfigResponse.builder().build();
    }
    if (!p.get(0).equals("namespaces")) {
      throw new IllegalArgumentException("no such route: " + method + " " + p);
    }
    if (p.size() == 1) {
      return method.equals("POST")
          ? CatalogHandlers.createNamespace(namespaces, json.readValue(body, CreateNamespaceRequest.class))
          : CatalogHandlers.listNamespaces(namespaces, Namespace.empty());
    }
    Namespace ns = RESTUtil.decodeNamespace(RESTUtil.decodeString(p.get(1)));
    if (p.size() == 2) {
      return CatalogHandlers.loadNamespace(namespaces, ns); // GET and HEAD
    }
    if (p.size() == 3) {
      return method.equals("POST")
          ? CatalogHandlers.createTable(backend, ns, json.readValue(body, CreateTableRequest.class))
          : CatalogHandlers.listTables(backend, ns);
    }
    TableIdentifier table = TableIdentifier.of(ns, RESTUtil.decodeString(p.get(3)));
    if (p.size() == 5 && p.get(4).equals("metrics")) {
      return null; // reports of scans and commits: taken, not kept
    }
    switch (method) {
      case "POST" -> {
        Object loaded = CatalogHandlers.updateTable(backend, table, json.readValue(body, UpdateTableRequest.class));
        commits.incrementAndGet();
        return loaded;
      }
      case "DELETE" -> {
        CatalogHandlers.dropTable(backend, table);
        return null;
      }
      default -> {
        return CatalogHandlers.loadTable(backend, table); // GET and HEAD
      }
    }
  }

  private static ErrorResponse error(int code, Exception e) {
    return ErrorResponse.builder().responseCode(code).withType(e.getClass().getSimpleName())
        .withMessage(e.getMessage()).build();
  }

  @Override
  public void close() {
    http.stop(0);
  }
}
