package dev.ghlake.commit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ghlake.accounting.SourceOutcome;
import dev.ghlake.profile.DriftFinding;
import dev.ghlake.profile.PartitionProfile;
import dev.ghlake.storage.LakeFiles;
import dev.ghlake.storage.LakeRecordException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A partition's {@code _manifest.json}: the files that are its content, whether it is complete,
 * the counts that account for them, where they came from and which run wrote them (docs/lake.md,
 * "Manifests").
 */
public final class PartitionManifest {
  public static final String NAME = "_manifest.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private PartitionManifest() {}

  /**
   * The text of the manifest at this path, null when there is none; one that is not a manifest
   * (not JSON, no file list) fails the run naming it: without it, which files are the
   * partition's is unknown, and guessing could delete data or list it twice.
   */
  public static String read(String path) throws IOException {
    String text = LakeFiles.readIfExists(path);
    if (text == null) {
      return null;
    }
    String remedy = "it is the commit record of its partition; restore it (S3 versioning, a "
        + "backup), or delete the partition's folder and load its window again";
    try {
      JsonNode m = JSON.readTree(text);
      if (m == null || !m.path("files").isArray()) {
        throw new LakeRecordException(path, "no list of files", remedy);
      }
    } catch (JsonProcessingException e) {
      throw new LakeRecordException(path, "not JSON: " + e.getOriginalMessage(), remedy);
    }
    return text;
  }

  /** What one manifest says. */
  record Content(String partition, PartitionContents contents, boolean complete, List<String> gaps,
      List<String> missingHours, Map<String, SourceOutcome> sources, List<String> warnings,
      List<DriftFinding> findings) {}

  static String toJson(CommitSpec spec, Content c, String finishedAt) {
    ObjectNode m = JSON.createObjectNode();
    m.put("partition", c.partition());
    m.put("status", c.complete() ? "complete" : "incomplete");
    m.put("run_id", spec.runId());
    m.put("ghlake_version", spec.version());
    m.put("started_at", spec.startedAt());
    m.put("finished_at", finishedAt);
    m.put("window", spec.window());
    m.set("options", parse(spec.optionsJson()));
    m.put("filters", Filters.describe(parse(spec.optionsJson()))); // which events it holds
    ObjectNode counts = m.putObject("counts");
    counts.put("written", c.contents().written());
    counts.set("by_type", JSON.valueToTree(c.contents().writtenByType));
    counts.set("filtered", JSON.valueToTree(c.contents().filteredByReason));
    counts.put("duplicates", c.contents().duplicates);
    ArrayNode files = m.putArray("files");
    c.contents().files.forEach(f ->
        files.addObject().put("path", f.name()).put("rows", f.rows()).put("bytes", f.bytes()));
    ArrayNode sources = m.putArray("sources");
    c.contents().eventsBySource.forEach((name, events) -> {
      SourceOutcome s = c.sources().get(name);
      sources.addObject().put("name", name).put("path", s == null ? name : s.path())
          .put("bytes", s == null ? 0 : s.bytes()).put("events", events);
    });
    m.set("gaps", JSON.valueToTree(c.gaps()));
    m.set("missing_hours", JSON.valueToTree(c.missingHours()));
    m.set("warnings", JSON.valueToTree(c.warnings()));
    ArrayNode findings = m.putArray("findings");
    c.findings().forEach(f -> findings.addObject().put("level", f.level().name())
        .put("measure", f.measure()).put("baseline", f.baseline()).put("now", f.now()));
    m.set("profile", c.contents().profile.toJson());
    try {
      return JSON.writeValueAsString(m);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Events by type of a manifest, as the completeness check compares them. */
  public static Map<String, Long> byType(String manifestJson) {
    Map<String, Long> out = new TreeMap<>();
    parse(manifestJson).path("counts").path("by_type").fields()
        .forEachRemaining(e -> out.put(e.getKey(), e.getValue().asLong()));
    return out;
  }

  /** The profile a manifest holds (empty for manifests written before profiles). */
  static PartitionProfile profile(String manifestJson) {
    return PartitionProfile.fromJson(parse(manifestJson).path("profile"));
  }

  /** The rows a manifest's partition holds. */
  static long rows(String manifestJson) {
    return parse(manifestJson).path("counts").path("written").asLong();
  }

  /** The options of the run that wrote a manifest (an empty object for manifests without them). */
  static JsonNode options(String manifestJson) {
    return parse(manifestJson).path("options");
  }

  /** A data file as a manifest lists it: its name in the partition's folder, rows and bytes. */
  public record ListedFile(String name, long rows, long bytes) {}

  /** The data files a manifest lists. */
  public static List<ListedFile> files(String manifestJson) {
    List<ListedFile> out = new java.util.ArrayList<>();
    parse(manifestJson).path("files").forEach(f ->
        out.add(new ListedFile(f.path("path").asText(), f.path("rows").asLong(), f.path("bytes").asLong())));
    return out;
  }

  /** The names of the data files a manifest lists. */
  public static List<String> fileNames(String manifestJson) {
    return parse(manifestJson).path("files").findValuesAsText("path");
  }

  /** Whether a manifest says its partition is complete (manifests before statuses were: yes). */
  public static boolean isComplete(String manifestJson) {
    JsonNode m = parse(manifestJson);
    return "complete".equals(m.path("status").asText("complete")) && m.path("missing_hours").isEmpty();
  }

  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
