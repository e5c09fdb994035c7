package dev.ghlake.commit;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.List;
import java.util.Map;

/**
 * What a partition's {@code _manifest.json} holds, field for field (docs/lake.md, "Manifests"):
 * written and read by Jackson in snake case. Fields absent from older manifests read as empty;
 * {@code options} and {@code profile} stay JSON, as the run's options and the profile define them.
 */
@JsonPropertyOrder({"partition", "status", "run_id", "ghlake_version", "started_at", "finished_at", "window",
    "options", "filters", "counts", "files", "sources", "gaps", "missing_hours", "warnings", "findings", "profile"})
record ManifestRecord(String partition, String status, String runId, String ghlakeVersion, String startedAt,
    String finishedAt, String window, JsonNode options, String filters, Counts counts, List<PartitionManifest.ListedFile> files,
    List<Source> sources, List<String> gaps, List<String> missingHours, List<String> warnings,
    List<Finding> findings, JsonNode profile) {
  static final ObjectMapper JSON = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(SerializationFeature.INDENT_OUTPUT).build();

  /** The counts that account for the partition's rows. */
  @JsonPropertyOrder({"written", "by_type", "filtered", "duplicates"})
  record Counts(long written, Map<String, Long> byType, Map<String, Long> filtered, long duplicates) {
    Counts {
      byType = byType == null ? Map.of() : byType;
      filtered = filtered == null ? Map.of() : filtered;
    }
  }

  /** An archive file the partition's events came from. */
  @JsonPropertyOrder({"name", "path", "bytes", "events"})
  record Source(String name, String path, long bytes, long events) {}

  /** A drift finding of the partition, as the report shows it. */
  @JsonPropertyOrder({"level", "measure", "baseline", "now"})
  record Finding(String level, String measure, String baseline, String now) {}

  ManifestRecord {
    status = status == null ? "complete" : status; // manifests before statuses were complete
    runId = runId == null ? "" : runId;
    options = options == null ? MissingNode.getInstance() : options;
    counts = counts == null ? new Counts(0, null, null, 0) : counts;
    sources = sources == null ? List.of() : sources;
    gaps = gaps == null ? List.of() : gaps;
    missingHours = missingHours == null ? List.of() : missingHours;
    warnings = warnings == null ? List.of() : warnings;
    findings = findings == null ? List.of() : findings;
    profile = profile == null ? MissingNode.getInstance() : profile;
  }

  /** Whether the partition is complete: its status says so and no hour of it is missing. */
  boolean complete() {
    return "complete".equals(status) && missingHours.isEmpty();
  }

  /** The manifest in a text; throws the parser's error for text that is not one. */
  static ManifestRecord parse(String json) throws JsonProcessingException {
    return JSON.readValue(json, ManifestRecord.class);
  }

  String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a manifest of strings, numbers and JSON must serialise", e);
    }
  }
}
