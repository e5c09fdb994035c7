package dev.ghlake.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.api.client.http.AbstractInputStreamContent;
import com.google.api.services.bigquery.model.Job;
import com.google.api.services.bigquery.model.JobConfiguration;
import com.google.api.services.bigquery.model.JobConfigurationExtract;
import com.google.api.services.bigquery.model.JobConfigurationLoad;
import com.google.api.services.bigquery.model.JobConfigurationQuery;
import com.google.api.services.bigquery.model.JobConfigurationTableCopy;
import com.google.api.services.bigquery.model.JobReference;
import com.google.api.services.bigquery.model.JobStatistics;
import com.google.api.services.bigquery.model.JobStatistics2;
import com.google.api.services.bigquery.model.JobStatistics4;
import com.google.api.services.bigquery.model.JobStatus;
import com.google.api.services.bigquery.model.Table;
import com.google.api.services.bigquery.model.TableFieldSchema;
import com.google.api.services.bigquery.model.TableReference;
import com.google.api.services.bigquery.model.TableSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.channels.Channels;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryHelpers;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryUtils;
import org.apache.beam.sdk.util.MimeTypes;

/**
 * BigQuery's job service over GH Archive's real rows: dry runs answer the bytes of the selected
 * columns in the tables the query's {@code _TABLE_SUFFIX} range keeps; query jobs run the SQL on
 * DuckDB ({@link GhArchiveSql}) into a result table of Beam's FakeDatasetService; extract jobs
 * write that table as Avro files in BigQuery's export layout (logical TIMESTAMP micros, nested
 * records in nullable unions). Jobs finish at once. Static state, as Beam's fakes: same JVM only.
 */
final class GhArchiveJobService implements BigQueryServices.JobService, Serializable {
  private static final Pattern SUFFIXES = Pattern.compile("_TABLE_SUFFIX BETWEEN '(\\w+)' AND '(\\w+)'");
  private static final Pattern SELECT = Pattern.compile("(?s)SELECT (.*?)\\nFROM");
  private static final DateTimeFormatter DUCK_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS][.SSS][X]");
  private static final int ROWS_PER_FILE = 4_000;
  static final Map<String, Job> JOBS = new ConcurrentHashMap<>();
  static final Map<String, List<ObjectNode>> RESULTS = new ConcurrentHashMap<>();

  @Override
  public JobStatistics dryRunQuery(String projectId, JobConfigurationQuery config, String location) {
    String sql = config.getQuery();
    GhArchiveBigQuery.DRY_RUNS.add(sql);
    Matcher range = SUFFIXES.matcher(sql);
    if (!range.find() || Boolean.TRUE.equals(config.getUseLegacySql())) {
      throw new IllegalArgumentException("a standard-SQL query pruned by _TABLE_SUFFIX was expected: " + sql);
    }
    long bytes = 0;
    List<TableReference> referenced = new ArrayList<>();
    for (Map.Entry<String, Path> t : GhArchiveBigQuery.TABLES.entrySet()) {
      String suffix = t.getKey().substring(t.getKey().lastIndexOf('.') + 1);
      if (suffix.compareTo(range.group(1)) >= 0 && suffix.compareTo(range.group(2)) <= 0) {
        bytes += GhArchiveBigQuery.columnBytes(t.getKey(), selected(sql));
        referenced.add(BigQueryHelpers.parseTableSpec(GhArchiveBigQuery.spec(t.getKey())));
      }
    }
    return new JobStatistics().setTotalBytesProcessed(bytes)
        .setQuery(new JobStatistics2().setTotalBytesProcessed(bytes).setReferencedTables(referenced));
  }

  @Override
  public void startQueryJob(JobReference ref, JobConfigurationQuery config) throws IOException {
    GhArchiveBigQuery.QUERIES.add(config.getQuery());
    JobStatus status = new JobStatus().setState("DONE");
    try {
      List<ObjectNode> rows = GhArchiveSql.run(config.getQuery(), GhArchiveBigQuery.TABLES);
      TableReference destination = config.getDestinationTable();
      GhArchiveBigQuery.datasets().createTable(new Table().setTableReference(destination)
          .setSchema(resultSchema(config.getQuery())));
      RESULTS.put(BigQueryHelpers.toTableSpec(destination), rows);
    } catch (Exception e) {
      status.setErrorResult(new com.google.api.services.bigquery.model.ErrorProto()
          .setReason("invalidQuery").setMessage(String.valueOf(e.getMessage())));
    }
    finish(ref, new JobConfiguration().setQuery(config), status, null);
  }

  @Override
  public void startExtractJob(JobReference ref, JobConfigurationExtract extract) throws IOException {
    TableReference source = extract.getSourceTable();
    List<ObjectNode> rows = RESULTS.get(BigQueryHelpers.toTableSpec(source));
    Table table;
    try {
      table = GhArchiveBigQuery.datasets().getTable(source);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    if (rows == null || table == null || !"AVRO".equals(extract.getDestinationFormat())) {
      throw new IOException("cannot extract " + BigQueryHelpers.toTableSpec(source) + " as " + extract.getDestinationFormat());
    }
    Schema schema = BigQueryUtils.toGenericAvroSchema("root", table.getSchema().getFields(), true);
    String pattern = extract.getDestinationUris().get(0);
    long files = 0;
    for (int from = 0; from < rows.size() || files == 0; from += ROWS_PER_FILE, files++) {
      writeAvro(pattern.replace("*", String.format("%012d", files)), schema,
          rows.subList(from, Math.min(rows.size(), from + ROWS_PER_FILE)));
    }
    JobStatistics stats = new JobStatistics().setExtract(new JobStatistics4().setDestinationUriFileCounts(List.of(files)));
    finish(ref, new JobConfiguration().setExtract(extract), new JobStatus().setState("DONE"), stats);
  }

  @Override
  public Job pollJob(JobReference ref, int maxAttempts) {
    return JOBS.get(ref.getJobId());
  }

  @Override
  public Job getJob(JobReference ref) {
    return JOBS.get(ref.getJobId());
  }

  @Override
  public void startLoadJob(JobReference ref, JobConfigurationLoad config) {
    throw new UnsupportedOperationException("ghlake never loads into BigQuery");
  }

  @Override
  public void startLoadJob(JobReference ref, JobConfigurationLoad config, AbstractInputStreamContent content) {
    throw new UnsupportedOperationException("ghlake never loads into BigQuery");
  }

  @Override
  public void startCopyJob(JobReference ref, JobConfigurationTableCopy config) {
    throw new UnsupportedOperationException("ghlake never copies BigQuery tables");
  }

  @Override
  public void close() {}

  private static void finish(JobReference ref, JobConfiguration config, JobStatus status, JobStatistics stats) {
    JOBS.put(ref.getJobId(), new Job().setJobReference(ref).setConfiguration(config).setStatus(status)
        .setStatistics(stats));
  }

  /** The SELECT list's output names: columns, or the alias after AS. */
  private static List<String> selected(String sql) {
    Matcher m = SELECT.matcher(sql);
    if (!m.find()) {
      throw new IllegalArgumentException("no SELECT … FROM in " + sql);
    }
    List<String> names = new ArrayList<>();
    for (String item : m.group(1).split(",")) {
      String[] words = item.trim().split("\\s+");
      names.add(words[words.length - 1]);
    }
    return names;
  }

  /** The result's schema: the table's own fields, by name, and STRING for anything computed. */
  private static TableSchema resultSchema(String sql) {
    List<TableFieldSchema> fields = new ArrayList<>();
    for (String name : selected(sql)) {
      TableFieldSchema f = GhArchiveBigQuery.field(name);
      fields.add(f != null ? f : new TableFieldSchema().setName(name).setType("STRING").setMode("NULLABLE"));
    }
    return new TableSchema().setFields(fields);
  }

  private static void writeAvro(String file, Schema schema, List<ObjectNode> rows) throws IOException {
    try (OutputStream out = Channels.newOutputStream(FileSystems.create(
            FileSystems.matchNewResource(file, false), MimeTypes.BINARY));
        DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<GenericRecord>(schema))
            .create(schema, out)) {
      for (ObjectNode row : rows) {
        writer.append((GenericRecord) avro(schema, row));
      }
    }
  }

  /** A JSON value as the Avro datum of a (nullable) BigQuery-export schema. */
  private static Object avro(Schema schema, JsonNode value) {
    if (schema.getType() == Schema.Type.UNION) {
      return value == null || value.isNull() ? null : avro(schema.getTypes().get(1), value);
    }
    switch (schema.getType()) {
      case RECORD: {
        GenericData.Record r = new GenericData.Record(schema);
        for (Schema.Field f : schema.getFields()) {
          r.put(f.name(), avro(f.schema(), value.get(f.name())));
        }
        return r;
      }
      case LONG:
        return schema.getLogicalType() != null
            ? ChronoUnit.MICROS.between(java.time.Instant.EPOCH, OffsetDateTime.parse(value.asText(), DUCK_TIME).toInstant())
            : value.asLong();
      case BOOLEAN:
        return value.asBoolean();
      default:
        return value.asText();
    }
  }
}
