package dev.ghlake.transform.normalize;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ghlake.testing.RealData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.generic.GenericRecord;
import org.junit.Test;

/**
 * Every real fixture event of 2011–2016, normalised, checked column by column against GH
 * Archive's own BigQuery row of the same event ({@code <Type>_encoded.json}): an oracle the code
 * under test never sees.
 */
public class RealFixturesNormalizeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter BQ_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  @Test
  public void everyFixtureOfEveryYearMatchesItsBigQueryRow() throws Exception {
    List<Path> raws;
    try (Stream<Path> files = Files.walk(RealData.fixtures())) {
      raws = files.filter(p -> p.getFileName().toString().endsWith("_raw.json")).sorted().toList();
    }
    assertTrue("expected fixtures for 2011-2016, found " + raws.size(), raws.size() >= 80);
    List<String> failures = new ArrayList<>();
    EventNormalizer normalizer = new EventNormalizer(true);
    for (Path raw : raws) {
      String line = JSON.readTree(raw.toFile()).toString(); // pretty-printed → one line
      JsonNode bq = JSON.readTree(raw.resolveSibling(
          raw.getFileName().toString().replace("_raw.json", "_encoded.json")).toFile());
      GenericRecord row = normalizer.normalize(line);
      compare(raw, row, bq, failures);
    }
    assertTrue(String.join("\n", failures), failures.isEmpty());
  }

  private static void compare(Path raw, GenericRecord row, JsonNode bq, List<String> failures)
      throws Exception {
    String where = raw.getParent().getFileName() + "/" + raw.getFileName();
    check(failures, where, "type", bq.get("type").asText(), str(row, "type"));
    long micros = LocalDateTime.parse(bq.get("created_at").asText(), BQ_TIME)
        .toEpochSecond(ZoneOffset.UTC) * 1_000_000L;
    check(failures, where, "created_at", micros, row.get("created_at"));
    if (bq.has("id")) {
      check(failures, where, "event_id", bq.get("id").asText(), str(row, "event_id"));
    } else {
      check(failures, where, "event_id derived", true, str(row, "event_id").startsWith("d-"));
    }
    JsonNode actor = bq.path("actor");
    check(failures, where, "actor_login", text(actor, "login"), str(row, "actor_login"));
    check(failures, where, "actor_id", number(actor, "id"), row.get("actor_id"));
    JsonNode repo = bq.path("repo");
    check(failures, where, "repo_id", number(repo, "id"), row.get("repo_id"));
    String bqName = text(repo, "name");
    if ("/".equals(bqName)) { // GH Archive's row keeps the placeholder; ghlake takes payload.repo
      JsonNode payloadRepo = JSON.readTree(text(bq, "payload")).get("repo");
      String wanted = payloadRepo != null && payloadRepo.isTextual()
          && payloadRepo.textValue().matches("[^/]+/[^/]+") ? payloadRepo.textValue() : null;
      check(failures, where, "repo_name of the no-repository placeholder", wanted, str(row, "repo_name"));
    } else if (bqName != null) {
      String name = str(row, "repo_name");
      check(failures, where, "repo_name", true,
          name != null && name.contains("/") && (name.equals(bqName) || name.endsWith("/" + bqName)));
    }
    JsonNode org = bq.path("org");
    check(failures, where, "org_login", text(org, "login"), str(row, "org_login"));
    check(failures, where, "public", bq.has("public") ? bq.get("public").asBoolean() : null,
        row.get("public"));
    if (bq.has("payload") && !"null".equals(bq.get("payload").asText())) {
      // GH Archive's scrubbed payload, as JSON trees: our scrubbing must give the same tree
      check(failures, where, "payload", JSON.readTree(bq.get("payload").asText()),
          JSON.readTree(str(row, "payload")));
    }
  }

  private static void check(List<String> failures, String where, String column, Object want, Object got) {
    if (want == null ? got != null : !want.equals(got)) {
      failures.add(where + " " + column + ": want " + want + ", got " + got);
    }
  }

  private static String str(GenericRecord r, String f) {
    return r.get(f) == null ? null : r.get(f).toString();
  }

  private static String text(JsonNode n, String f) {
    return n.hasNonNull(f) ? n.get(f).asText() : null;
  }

  private static Long number(JsonNode n, String f) {
    return n.hasNonNull(f) ? n.get(f).asLong() : null;
  }
}
