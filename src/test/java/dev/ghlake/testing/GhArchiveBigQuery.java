package dev.ghlake.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableFieldSchema;
import com.google.api.services.bigquery.model.TableReference;
import com.google.api.services.bigquery.model.TableSchema;
import dev.ghlake.source.bigquery.BigQueryServicesFactory;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices;
import org.apache.beam.sdk.io.gcp.testing.FakeBigQueryServices;
import org.apache.beam.sdk.io.gcp.testing.FakeDatasetService;
import org.apache.beam.sdk.io.gcp.testing.FakeJobService;

/**
 * GH Archive's BigQuery for tests: Beam's FakeDatasetService holding {@code githubarchive} tables
 * with the real schema, a Storage Read client serving GH Archive's real rows for them, and a job
 * service that runs ghlake's SQL on those rows. Static, as Beam's fakes are: same JVM only.
 * Nothing here reaches Google.
 */
public final class GhArchiveBigQuery implements BigQueryServicesFactory {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter BQ_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  static final Map<String, List<GenericRecord>> ROWS = new ConcurrentHashMap<>();
  static final List<String> SESSION_REQUESTS = new CopyOnWriteArrayList<>();
  /** "project.dataset.table" → its rows file, for the SQL engine. */
  static final Map<String, Path> TABLES = new ConcurrentHashMap<>();
  static final Map<String, Map<String, Long>> COLUMN_BYTES = new ConcurrentHashMap<>();
  static final List<String> QUERIES = new CopyOnWriteArrayList<>();
  static final List<String> DRY_RUNS = new CopyOnWriteArrayList<>();
  private static FakeDatasetService datasets;

  /** Starts empty fakes; then {@link #load} tables into them. */
  public static void reset() throws Exception {
    FakeDatasetService.setUp();
    FakeJobService.setUp();
    datasets = new FakeDatasetService();
    for (String period : List.of("day", "month", "year")) {
      datasets.createDataset("githubarchive", period, "US", "GH Archive by " + period, null);
    }
    ROWS.clear();
    SESSION_REQUESTS.clear();
    TABLES.clear();
    COLUMN_BYTES.clear();
    QUERIES.clear();
    DRY_RUNS.clear();
    GhArchiveJobService.JOBS.clear();
    GhArchiveJobService.RESULTS.clear();
  }

  /** One day table, {@code githubarchive:day.<day>}, holding the rows of a bigquery-rows file. */
  public static int load(String day, Path rowsGz) throws Exception {
    return load("day", day, rowsGz);
  }

  /** One table of a period set ({@code githubarchive:<period>.<suffix>}) holding a rows file. */
  public static int load(String period, String suffix, Path rowsGz) throws Exception {
    List<GenericRecord> rows = new ArrayList<>();
    Map<String, Long> bytes = new ConcurrentHashMap<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(rowsGz)), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        JsonNode row = JSON.readTree(line);
        rows.add(record(row));
        row.fields().forEachRemaining(f -> bytes.merge(f.getKey(), (long) f.getValue().toString().length(), Long::sum));
      }
    }
    datasets.createTable(new Table()
        .setTableReference(new TableReference().setProjectId("githubarchive").setDatasetId(period).setTableId(suffix))
        .setSchema(tableSchema()).setNumBytes(1_000_000L).setNumRows(java.math.BigInteger.valueOf(rows.size())));
    ROWS.put("projects/githubarchive/datasets/" + period + "/tables/" + suffix, rows);
    String table = "githubarchive." + period + "." + suffix;
    TABLES.put(table, rowsGz);
    COLUMN_BYTES.put(table, bytes);
    return rows.size();
  }

  /** The SQL queries ghlake ran, as BigQuery received them. */
  public static List<String> queries() {
    return QUERIES;
  }

  /** The SQL ghlake asked BigQuery to dry-run. */
  public static List<String> dryRuns() {
    return DRY_RUNS;
  }

  static FakeDatasetService datasets() {
    return datasets;
  }

  /** "githubarchive.day.20130215" → "githubarchive:day.20130215". */
  static String spec(String table) {
    int dot = table.indexOf('.');
    return table.substring(0, dot) + ":" + table.substring(dot + 1);
  }

  /** What a dry run says scanning these columns of a loaded table bills. */
  public static long columnBytesOf(String table, List<String> columns) {
    return columnBytes(table, columns);
  }

  /** What a scan of these columns of the table bills, here: their values' JSON length. */
  static long columnBytes(String table, List<String> columns) {
    return columns.stream().mapToLong(c -> COLUMN_BYTES.get(table).getOrDefault(c, 0L)).sum();
  }

  /** A column of GH Archive's schema by name, or null. */
  static TableFieldSchema field(String name) {
    return tableSchema().getFields().stream().filter(f -> f.getName().equals(name)).findFirst().orElse(null);
  }

  /** The Storage Read sessions ghlake asked for, as text (table, fields, row restriction). */
  public static List<String> sessionRequests() {
    return SESSION_REQUESTS;
  }

  @Override
  public BigQueryServices create() {
    return new FakeBigQueryServices().withDatasetService(datasets).withJobService(new GhArchiveJobService())
        .withStorageClient(new GhArchiveStorageClient());
  }

  private static TableSchema tableSchema() {
    List<TableFieldSchema> person = List.of(field("id", "INTEGER"), field("login", "STRING"),
        field("gravatar_id", "STRING"), field("avatar_url", "STRING"), field("url", "STRING"));
    return new TableSchema().setFields(List.of(field("type", "STRING"), field("public", "BOOLEAN"),
        field("payload", "STRING"),
        field("repo", "RECORD").setFields(List.of(field("id", "INTEGER"), field("name", "STRING"), field("url", "STRING"))),
        field("actor", "RECORD").setFields(person), field("org", "RECORD").setFields(person),
        field("created_at", "TIMESTAMP"), field("id", "STRING"), field("other", "STRING")));
  }

  private static TableFieldSchema field(String name, String type) {
    return new TableFieldSchema().setName(name).setType(type).setMode("NULLABLE");
  }

  /** The Avro schema the Storage Read API gives these columns (nullable, TIMESTAMP in micros). */
  static Schema avroSchema() {
    return new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"root\",\"fields\":["
        + "{\"name\":\"id\",\"type\":[\"null\",\"string\"]},{\"name\":\"type\",\"type\":[\"null\",\"string\"]},"
        + "{\"name\":\"public\",\"type\":[\"null\",\"boolean\"]},{\"name\":\"payload\",\"type\":[\"null\",\"string\"]},"
        + "{\"name\":\"repo\",\"type\":[\"null\",{\"type\":\"record\",\"name\":\"repo\",\"fields\":["
        + "{\"name\":\"id\",\"type\":[\"null\",\"long\"]},{\"name\":\"name\",\"type\":[\"null\",\"string\"]},"
        + "{\"name\":\"url\",\"type\":[\"null\",\"string\"]}]}]},"
        + person("actor") + "," + person("org") + ","
        + "{\"name\":\"created_at\",\"type\":[\"null\",{\"type\":\"long\",\"logicalType\":\"timestamp-micros\"}]}]}");
  }

  private static String person(String name) {
    return "{\"name\":\"" + name + "\",\"type\":[\"null\",{\"type\":\"record\",\"name\":\"" + name + "\",\"fields\":["
        + "{\"name\":\"id\",\"type\":[\"null\",\"long\"]},{\"name\":\"login\",\"type\":[\"null\",\"string\"]},"
        + "{\"name\":\"gravatar_id\",\"type\":[\"null\",\"string\"]},{\"name\":\"avatar_url\",\"type\":[\"null\",\"string\"]},"
        + "{\"name\":\"url\",\"type\":[\"null\",\"string\"]}]}]}";
  }

  private static GenericRecord record(JsonNode row) {
    Schema schema = avroSchema();
    GenericRecord r = new GenericData.Record(schema);
    r.put("id", text(row, "id"));
    r.put("type", text(row, "type"));
    r.put("public", row.has("public") ? row.get("public").asBoolean() : null);
    r.put("payload", text(row, "payload"));
    for (String nested : List.of("repo", "actor", "org")) {
      JsonNode v = row.get(nested);
      if (v != null && v.isObject()) {
        Schema s = schema.getField(nested).schema().getTypes().get(1);
        GenericRecord n = new GenericData.Record(s);
        for (Schema.Field f : s.getFields()) {
          JsonNode x = v.get(f.name());
          n.put(f.name(), x == null || x.isNull() ? null : f.name().equals("id") ? (Object) x.asLong() : x.asText());
        }
        r.put(nested, n);
      }
    }
    LocalDateTime t = LocalDateTime.parse(row.get("created_at").asText(), BQ_TIME);
    r.put("created_at", t.toEpochSecond(ZoneOffset.UTC) * 1_000_000L);
    return r;
  }

  private static String text(JsonNode row, String f) {
    return row.hasNonNull(f) ? row.get(f).asText() : null;
  }
}
