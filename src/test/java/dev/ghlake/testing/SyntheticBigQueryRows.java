package dev.ghlake.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ghlake.transform.normalize.EmailScrubber;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Modern Events API archive files (the synthetic ones) as the rows GH Archive's loader makes of
 * them, in its BigQuery schema: payload as scrubbed JSON text, repo/actor/org records with the
 * table's fields only, created_at as "YYYY-MM-DD HH:MM:SS" UTC. It lets the BigQuery tests run
 * where the shared real rows are absent. (The modern shape maps field for field; the older eras
 * are covered by the real rows.)
 */
public final class SyntheticBigQueryRows {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter BQ_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final List<String> PERSON = List.of("id", "login", "gravatar_id", "avatar_url", "url");

  private SyntheticBigQueryRows() {}

  /** Every event of the folder's archive files, as one rows file (gzip, a JSON row a line). */
  public static Path write(Path archive, Path rowsGz) throws Exception {
    try (Stream<Path> files = Files.list(archive);
        Writer out = new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(rowsGz)), StandardCharsets.UTF_8)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json.gz")).sorted().toList()) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
            new GZIPInputStream(Files.newInputStream(f)), StandardCharsets.UTF_8))) {
          for (String line = r.readLine(); line != null; line = r.readLine()) {
            out.write(row(JSON.readTree(line)).toString());
            out.write('\n');
          }
        }
      }
    }
    return rowsGz;
  }

  static ObjectNode row(JsonNode event) {
    ObjectNode row = JSON.createObjectNode();
    row.put("type", event.path("type").asText());
    row.put("public", event.path("public").asBoolean());
    JsonNode payload = event.path("payload").deepCopy();
    EmailScrubber.scrubPayload(payload);
    row.put("payload", payload.toString());
    ObjectNode repo = row.putObject("repo");
    for (String f : List.of("id", "name", "url")) {
      repo.set(f, event.path("repo").get(f));
    }
    person(event, "actor", row);
    person(event, "org", row);
    row.put("created_at", OffsetDateTime.parse(event.path("created_at").asText())
        .withOffsetSameInstant(ZoneOffset.UTC).format(BQ_TIME));
    row.put("id", event.path("id").asText());
    row.put("other", "{}");
    return row;
  }

  private static void person(JsonNode event, String field, ObjectNode row) {
    JsonNode p = event.get(field);
    if (p != null && p.isObject()) {
      ObjectNode out = row.putObject(field);
      PERSON.forEach(f -> out.set(f, p.get(f)));
    }
  }
}
