package dev.ghlake.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * GitHub's cut of the Events API payloads on 2025-10-07 (GitHub changelog 2025-08-08; measured in
 * GH Archive's hour files by cncf/devstatscode, ghapi2db-gha-gaps.md) applied to an hour file:
 * PushEvent without size, distinct_size and commits; PullRequestEvent's pull_request a stub;
 * author_association gone from issues and comments; DiscussionEvent appears. Or a day with 1 % of its events (gharchive.org #312).
 */
public final class PayloadCut {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PayloadCut() {}

  /** Rewrites an hour file in the trimmed shape; {@code sparse}: only every 100th event kept. */
  public static void rewrite(Path file, boolean sparse) throws Exception {
    String text;
    try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<byte[]> out = new ArrayList<>();
    String[] lines = text.split("\n");
    for (int i = 0; i < lines.length; i++) {
      if (sparse && i % 100 != 0) {
        continue;
      }
      ObjectNode event = (ObjectNode) JSON.readTree(lines[i]);
      trim(event);
      out.add(JSON.writeValueAsBytes(event));
      if (!sparse && event.path("type").asText().equals("IssuesEvent") && i % 2 == 0) {
        out.add(JSON.writeValueAsBytes(discussion(event)));
      }
    }
    ArchiveFiles.write(file.getParent(), file.getFileName().toString(), ArchiveFiles.gzip(out));
  }

  /** What GitHub's cut left of a payload. */
  private static void trim(ObjectNode event) {
    ObjectNode payload = (ObjectNode) event.path("payload");
    switch (event.path("type").asText()) {
      case "PushEvent" -> payload.remove(List.of("size", "distinct_size", "commits"));
      case "PullRequestEvent" -> {
        JsonNode pr = payload.path("pull_request");
        ObjectNode stub = JSON.createObjectNode();
        for (String keep : List.of("url", "id", "number", "head", "base")) {
          stub.set(keep, pr.path(keep));
        }
        payload.set("pull_request", stub);
      }
      default -> { }
    }
    for (String object : List.of("issue", "comment")) { // gone from issues and comments too
      if (payload.path(object).isObject()) {
        ((ObjectNode) payload.path(object)).remove("author_association");
      }
    }
  }

  private static ObjectNode discussion(ObjectNode issues) {
    ObjectNode d = issues.deepCopy();
    d.put("id", issues.path("id").asText() + "7");
    d.put("type", "DiscussionEvent");
    ObjectNode payload = JSON.createObjectNode().put("action", "created");
    payload.putObject("discussion").put("number", 7).put("title", "a question");
    d.set("payload", payload);
    return d;
  }
}
