package dev.ghlake.report;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ghlake.model.PartitionPath;
import dev.ghlake.source.ArchiveHourNames;
import dev.ghlake.source.SourceNames;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A manifest (docs/lake.md, "Manifests") read into what the report draws of its partition. */
final class ManifestReading {
  private static final ObjectMapper JSON = new ObjectMapper();
  /**
   * The objects whose keys the report follows over time: those GitHub's 2025-10-07 cut emptied
   * (PushEvent's payload, PullRequestEvent's pull_request) or trimmed (author_association gone
   * from issues and comments), which the drift check watches alike.
   */
  static final List<Watched> WATCHED = List.of(
      new Watched("PushEvent", "payload_keys", "PushEvent payload"),
      new Watched("PullRequestEvent", "pull_request_keys", "PullRequestEvent payload.pull_request"),
      new Watched("IssuesEvent", "issue_keys", "IssuesEvent payload.issue"),
      new Watched("IssueCommentEvent", "comment_keys", "IssueCommentEvent payload.comment"));

  record Watched(String type, String field, String label) {}

  private ManifestReading() {}

  /**
   * The manifest's text read as a stream: the counts, gaps, findings and the watched types of its
   * profile are kept, the rest (options, files, sources, the other types) stepped over unread.
   * Five years of hours are 43,824 manifests of some 20 KB: a tree of each took 18 s.
   */
  static PartitionState of(InputStream manifest) throws IOException {
    ObjectNode m = JSON.createObjectNode();
    ObjectNode profile = m.putObject("profile");
    try (JsonParser p = JSON.getFactory().createParser(manifest)) { // bytes: no text decoded first
      expect(p.nextToken(), JsonToken.START_OBJECT);
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        switch (field) {
          case "partition", "status", "run_id", "counts", "missing_hours", "gaps", "findings" ->
              m.set(field, p.readValueAsTree());
          case "profile" -> watchedTypes(p, profile);
          default -> p.skipChildren();
        }
      }
    }
    return of(m);
  }

  private static void watchedTypes(JsonParser p, ObjectNode into) throws IOException {
    expect(p.currentToken(), JsonToken.START_OBJECT);
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String type = p.currentName();
      p.nextToken();
      if (WATCHED.stream().anyMatch(w -> w.type().equals(type))) {
        into.set(type, p.readValueAsTree());
      } else {
        p.skipChildren();
      }
    }
  }

  private static void expect(JsonToken token, JsonToken wanted) throws IOException {
    if (token != wanted) {
      throw new IOException("not a manifest: " + wanted + " expected, found " + token);
    }
  }

  private static PartitionState of(JsonNode m) {
    String partition = m.path("partition").asText();
    Map<String, Long> byType = new TreeMap<>();
    m.path("counts").path("by_type").fields().forEachRemaining(e -> byType.put(e.getKey(), e.getValue().asLong()));
    Map<String, PartitionState.KeyCounts> keys = new TreeMap<>();
    for (Watched w : WATCHED) {
      JsonNode type = m.path("profile").path(w.type());
      if (type.isObject()) {
        Map<String, Long> byKey = new TreeMap<>();
        type.path(w.field()).fields().forEachRemaining(e -> byKey.put(e.getKey(), e.getValue().asLong()));
        keys.put(w.label(), new PartitionState.KeyCounts(type.path("events").asLong(), byKey));
      }
    }
    List<PartitionState.Finding> findings = new ArrayList<>();
    m.path("findings").forEach(f -> findings.add(new PartitionState.Finding(partition, f.path("level").asText(),
        f.path("measure").asText(), f.path("baseline").asText(), f.path("now").asText())));
    return new PartitionState(partition, PartitionPath.start(partition), partition.contains("/hour=") ? 1 : 24,
        "complete".equals(m.path("status").asText()), m.path("counts").path("written").asLong(),
        m.path("run_id").asText(), missingHours(m.path("missing_hours")), strings(m.path("gaps")), byType, keys,
        findings);
  }

  /** The UTC hours ({@code 2024-07-01T05}) of the archive files a manifest lists as missing. */
  private static List<String> missingHours(JsonNode paths) {
    List<String> out = new ArrayList<>();
    for (String path : strings(paths)) {
      for (String hour : ArchiveHourNames.utcHoursOf(SourceNames.of(path)).split(",")) {
        if (!hour.isEmpty()) {
          out.add(hour);
        }
      }
    }
    return out;
  }

  static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
