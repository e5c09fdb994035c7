package dev.ghlake.source.bigquery;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ghlake.model.EventSchema;
import dev.ghlake.testing.RealData;
import dev.ghlake.transform.normalize.EventNormalizer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.junit.Test;

/**
 * The seed's open question, "is what BigQuery returns consistent?", on the four real hours: the
 * archive files through the file path, GH Archive's own BigQuery rows of the same hours through
 * the BigQuery path, compared row by row and column by column.
 */
public class SourceParityTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> HOURS = List.of("2011-02-15-0", "2012-02-15-0", "2013-02-15-0", "2014-02-15-0");

  @Test
  public void bothSourcesGiveTheSameRowsColumnByColumn() throws Exception {
    Map<String, Long> differences = new TreeMap<>();
    List<String> examples = new ArrayList<>();
    for (String hour : HOURS) {
      Map<String, GenericRecord> files = byId(fromFiles(RealData.hours().resolve(hour + ".json.gz")));
      Map<String, GenericRecord> rows = byId(fromBigQuery(RealData.root().resolve("bigquery-rows").resolve(hour + ".json.gz")));
      assertEquals(hour + ": the same events, by id", files.keySet(), rows.keySet());
      for (Map.Entry<String, GenericRecord> e : files.entrySet()) {
        GenericRecord bq = rows.get(e.getKey());
        for (Schema.Field f : EventSchema.SCHEMA.getFields()) {
          if (f.name().equals(EventSchema.SOURCE_FILE)) {
            continue; // where a row came from differs by design
          }
          Object a = text(e.getValue().get(f.name()));
          Object b = text(bq.get(f.name()));
          if (a == null ? b != null : !a.equals(b)) {
            differences.merge(hour.substring(0, 4) + " " + f.name(), 1L, Long::sum);
            if (examples.size() < 20) {
              examples.add(hour + " " + e.getKey() + " " + f.name() + ": file=" + cut(a) + " bq=" + cut(b));
            }
          }
        }
      }
    }
    assertEquals("differences by year and column; examples:\n" + String.join("\n", examples),
        Map.of(), differences);
  }

  private static Object text(Object v) {
    return v instanceof CharSequence ? v.toString() : v;
  }

  private static String cut(Object v) {
    String s = String.valueOf(v);
    return s.length() > 160 ? s.substring(0, 160) + "…" : s;
  }

  private static Map<String, GenericRecord> byId(List<GenericRecord> events) {
    Map<String, GenericRecord> out = new HashMap<>();
    events.forEach(e -> out.put(e.get(EventSchema.EVENT_ID) + "@" + e.get(EventSchema.CREATED_AT), e));
    assertEquals("no two events share id and time", events.size(), out.size());
    return out;
  }

  private static List<GenericRecord> fromFiles(Path gz) throws Exception {
    EventNormalizer normalizer = new EventNormalizer(true);
    List<GenericRecord> out = new ArrayList<>();
    for (String line : lines(gz)) {
      out.add(normalizer.normalize(line));
    }
    return out;
  }

  private static List<GenericRecord> fromBigQuery(Path gz) throws Exception {
    EventNormalizer normalizer = new EventNormalizer(false); // GH Archive scrubbed these already
    List<GenericRecord> out = new ArrayList<>();
    for (String line : lines(gz)) {
      out.add(normalizer.normalize(BigQueryRows.toEvent(JSON.readTree(line))));
    }
    return out;
  }

  private static List<String> lines(Path gz) throws Exception {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(gz)), StandardCharsets.UTF_8))) {
      return r.lines().filter(l -> !l.isBlank()).toList();
    }
  }
}
