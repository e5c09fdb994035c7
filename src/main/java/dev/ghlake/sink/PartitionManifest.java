package dev.ghlake.sink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A partition's {@code _manifest.json}: the files that are its content, the counts that account
 * for them, where they came from and which run wrote them (README, "Manifests").
 */
final class PartitionManifest {
  static final String NAME = "_manifest.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private PartitionManifest() {}

  /** A written file of the partition. */
  record FileEntry(String name, long rows, long bytes) {}

  /** A source that contributed events to the partition. */
  record SourceEntry(String name, String path, long bytes, long events) {}

  static String toJson(CommitSpec spec, String partition, PartitionContents c, List<FileEntry> files,
      List<SourceEntry> sources, List<String> warnings, String finishedAt) {
    ObjectNode m = JSON.createObjectNode();
    m.put("partition", partition);
    m.put("run_id", spec.runId());
    m.put("ghlake_version", spec.version());
    m.put("started_at", spec.startedAt());
    m.put("finished_at", finishedAt);
    m.put("window", spec.window());
    m.set("options", parse(spec.optionsJson()));
    ObjectNode counts = m.putObject("counts");
    counts.put("written", c.written());
    counts.set("by_type", JSON.valueToTree(c.writtenByType));
    counts.set("filtered", JSON.valueToTree(c.filteredByReason));
    counts.put("duplicates", c.duplicates);
    ArrayNode fileList = m.putArray("files");
    files.forEach(f -> fileList.addObject().put("path", f.name()).put("rows", f.rows()).put("bytes", f.bytes()));
    ArrayNode sourceList = m.putArray("sources");
    sources.forEach(s -> sourceList.addObject().put("name", s.name()).put("path", s.path())
        .put("bytes", s.bytes()).put("events", s.events()));
    m.set("missing_hours", JSON.valueToTree(c.missing));
    m.set("warnings", JSON.valueToTree(warnings));
    try {
      return JSON.writeValueAsString(m);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Events by type of a manifest, as the completeness check compares them. */
  static Map<String, Long> byType(String manifestJson) {
    Map<String, Long> out = new TreeMap<>();
    parse(manifestJson).path("counts").path("by_type").fields()
        .forEachRemaining(e -> out.put(e.getKey(), e.getValue().asLong()));
    return out;
  }

  /** The names of the data files a manifest lists. */
  static List<String> fileNames(String manifestJson) {
    return parse(manifestJson).path("files").findValuesAsText("path");
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
