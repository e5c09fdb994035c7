package dev.ghlake.source.synthetic;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.HexFormat;
import java.util.SplittableRandom;

/** Writes the payload of a synthetic event, in the modern Events API shape of each type. */
final class SyntheticPayloads {
  private static final HexFormat HEX = HexFormat.of();
  private static final String[] WORDS = {
    "fix", "add", "update", "remove", "refactor", "test", "docs", "build", "release", "bump",
    "parser", "config", "cache", "error", "handler", "support", "api", "client", "server", "page",
    "the", "a", "for", "in", "when", "with", "of", "to", "and", "from", "memory", "leak", "crash"
  };
  private static final String[] PR_ACTIONS = {"opened", "closed", "closed", "reopened"};
  private static final String[] ISSUE_ACTIONS = {"opened", "closed", "reopened"};

  private final SplittableRandom rnd;
  private final String repo;

  SyntheticPayloads(SplittableRandom rnd, String repo) {
    this.rnd = rnd;
    this.repo = repo;
  }

  void write(String type, long index, JsonGenerator json) throws IOException {
    json.writeStartObject();
    switch (type) {
      case "PushEvent" -> push(index, json);
      case "CreateEvent", "DeleteEvent" -> ref(type, json);
      case "WatchEvent" -> json.writeStringField("action", "started");
      case "IssueCommentEvent" -> {
        json.writeStringField("action", "created");
        issue(json);
        comment(json, 20, 800);
      }
      case "PullRequestEvent" -> {
        String action = PR_ACTIONS[rnd.nextInt(PR_ACTIONS.length)];
        json.writeStringField("action", action);
        long number = 1 + rnd.nextInt(20_000);
        json.writeNumberField("number", number);
        pullRequest(json, number, "closed".equals(action));
      }
      case "IssuesEvent" -> {
        json.writeStringField("action", ISSUE_ACTIONS[rnd.nextInt(ISSUE_ACTIONS.length)]);
        issue(json);
      }
      case "ForkEvent" -> forkee(json);
      case "PullRequestReviewEvent" -> {
        json.writeStringField("action", "created");
        json.writeObjectFieldStart("review");
        json.writeNumberField("id", 2_000_000_000L + rnd.nextInt(1_000_000_000));
        json.writeStringField("state", rnd.nextBoolean() ? "approved" : "commented");
        json.writeStringField("body", sentence(0, 300));
        json.writeEndObject();
        pullRequest(json, 1 + rnd.nextInt(20_000), false);
      }
      case "PullRequestReviewCommentEvent" -> {
        json.writeStringField("action", "created");
        comment(json, 20, 600);
        pullRequest(json, 1 + rnd.nextInt(20_000), false);
      }
      case "ReleaseEvent" -> release(json);
      case "GollumEvent" -> gollum(json);
      case "MemberEvent" -> {
        json.writeStringField("action", "added");
        json.writeObjectFieldStart("member");
        long id = SyntheticEventGenerator.skewed(rnd, 2_000_000);
        json.writeStringField("login", "user" + id);
        json.writeNumberField("id", id);
        json.writeEndObject();
      }
      case "CommitCommentEvent" -> comment(json, 20, 400);
      default -> { } // PublicEvent: an empty payload, as in the archive
    }
    json.writeEndObject();
  }

  private void push(long index, JsonGenerator json) throws IOException {
    int size = Math.min(20, 1 + (int) (-Math.log(1 - rnd.nextDouble()) * 1.5));
    json.writeNumberField("repository_id", 1 + rnd.nextInt(900_000_000));
    json.writeNumberField("push_id", 19_000_000_000L + index);
    json.writeNumberField("size", size);
    json.writeNumberField("distinct_size", rnd.nextInt(10) == 0 ? 0 : size);
    json.writeStringField("ref", rnd.nextInt(4) == 0 ? "refs/heads/feature-" + rnd.nextInt(999)
        : "refs/heads/main");
    json.writeStringField("head", sha());
    json.writeStringField("before", sha());
    json.writeArrayFieldStart("commits");
    for (int i = 0; i < size; i++) {
      json.writeStartObject();
      String sha = sha();
      json.writeStringField("sha", sha);
      json.writeObjectFieldStart("author");
      json.writeStringField("email", "dev" + rnd.nextInt(100_000) + "@example.com");
      json.writeStringField("name", "Developer " + rnd.nextInt(100_000));
      json.writeEndObject();
      json.writeStringField("message", sentence(3, 120));
      json.writeBooleanField("distinct", true);
      json.writeStringField("url", "https://api.github.com/repos/" + repo + "/commits/" + sha);
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private void ref(String type, JsonGenerator json) throws IOException {
    int roll = rnd.nextInt(100);
    String refType = roll < 70 ? "branch" : roll < 85 || type.equals("DeleteEvent") ? "tag" : "repository";
    json.writeStringField("ref", refType.equals("repository") ? null
        : refType.equals("tag") ? "v" + rnd.nextInt(10) + "." + rnd.nextInt(30) : "feature-" + rnd.nextInt(9999));
    json.writeStringField("ref_type", refType);
    if (type.equals("CreateEvent")) {
      json.writeStringField("master_branch", "main");
      json.writeStringField("description", sentence(0, 80));
    }
    json.writeStringField("pusher_type", "user");
  }

  private void issue(JsonGenerator json) throws IOException {
    long number = 1 + rnd.nextInt(20_000);
    json.writeObjectFieldStart("issue");
    json.writeStringField("url", "https://api.github.com/repos/" + repo + "/issues/" + number);
    json.writeNumberField("id", 1_000_000_000L + rnd.nextInt(1_500_000_000));
    json.writeNumberField("number", number);
    json.writeStringField("title", sentence(2, 60));
    user(json, "user");
    json.writeStringField("state", rnd.nextBoolean() ? "open" : "closed");
    json.writeNumberField("comments", rnd.nextInt(40));
    json.writeStringField("author_association", association(number));
    json.writeStringField("body", sentence(0, 1500));
    json.writeEndObject();
  }

  /**
   * The author's role in the repository, as the Events API gave it until 2025-10-07 (GitHub's
   * cut removed it): derived from a number already drawn, so the random stream is unchanged.
   */
  private static String association(long number) {
    return switch ((int) (number % 4)) {
      case 0 -> "OWNER";
      case 1 -> "MEMBER";
      case 2 -> "CONTRIBUTOR";
      default -> "NONE";
    };
  }

  private void comment(JsonGenerator json, int minChars, int maxChars) throws IOException {
    json.writeObjectFieldStart("comment");
    long id = 1_500_000_000L + rnd.nextInt(1_000_000_000);
    json.writeNumberField("id", id);
    user(json, "user");
    json.writeStringField("body", sentence(minChars, maxChars));
    json.writeStringField("created_at", "2024-07-01T00:00:00Z");
    json.writeStringField("author_association", association(id));
    json.writeEndObject();
  }

  private void pullRequest(JsonGenerator json, long number, boolean closing) throws IOException {
    json.writeObjectFieldStart("pull_request");
    json.writeStringField("url", "https://api.github.com/repos/" + repo + "/pulls/" + number);
    json.writeNumberField("id", 1_800_000_000L + rnd.nextInt(200_000_000));
    json.writeNumberField("number", number);
    json.writeStringField("state", closing ? "closed" : "open");
    json.writeStringField("title", sentence(3, 70));
    user(json, "user");
    json.writeStringField("body", sentence(0, 2000));
    json.writeBooleanField("merged", closing && rnd.nextInt(10) < 7);
    json.writeObjectFieldStart("head");
    json.writeStringField("ref", "feature-" + rnd.nextInt(9999));
    json.writeStringField("sha", sha());
    json.writeEndObject();
    json.writeObjectFieldStart("base");
    json.writeStringField("ref", "main");
    json.writeStringField("sha", sha());
    json.writeEndObject();
    json.writeNumberField("commits", 1 + rnd.nextInt(12));
    json.writeNumberField("additions", rnd.nextInt(2000));
    json.writeNumberField("deletions", rnd.nextInt(800));
    json.writeNumberField("changed_files", 1 + rnd.nextInt(40));
    json.writeEndObject();
  }

  private void forkee(JsonGenerator json) throws IOException {
    long id = 800_000_000L + rnd.nextInt(100_000_000);
    String owner = "user" + SyntheticEventGenerator.skewed(rnd, 2_000_000);
    String name = repo.substring(repo.indexOf('/') + 1);
    json.writeObjectFieldStart("forkee");
    json.writeNumberField("id", id);
    json.writeStringField("name", name);
    json.writeStringField("full_name", owner + "/" + name);
    json.writeObjectFieldStart("owner");
    json.writeStringField("login", owner);
    json.writeEndObject();
    json.writeBooleanField("private", false);
    json.writeStringField("html_url", "https://github.com/" + owner + "/" + name);
    json.writeStringField("description", sentence(0, 100));
    json.writeBooleanField("fork", true);
    json.writeEndObject();
  }

  private void release(JsonGenerator json) throws IOException {
    json.writeStringField("action", "published");
    json.writeObjectFieldStart("release");
    json.writeNumberField("id", 160_000_000L + rnd.nextInt(10_000_000));
    json.writeStringField("tag_name", "v" + rnd.nextInt(10) + "." + rnd.nextInt(30) + "." + rnd.nextInt(10));
    json.writeStringField("name", sentence(1, 30));
    json.writeStringField("body", sentence(100, 3000));
    json.writeBooleanField("draft", false);
    json.writeBooleanField("prerelease", rnd.nextInt(10) == 0);
    json.writeEndObject();
  }

  private void gollum(JsonGenerator json) throws IOException {
    json.writeArrayFieldStart("pages");
    json.writeStartObject();
    String page = WORDS[rnd.nextInt(WORDS.length)] + "-" + rnd.nextInt(99);
    json.writeStringField("page_name", page);
    json.writeStringField("title", page);
    json.writeStringField("action", rnd.nextBoolean() ? "edited" : "created");
    json.writeStringField("sha", sha());
    json.writeStringField("html_url", "https://github.com/" + repo + "/wiki/" + page);
    json.writeEndObject();
    json.writeEndArray();
  }

  private void user(JsonGenerator json, String field) throws IOException {
    long id = SyntheticEventGenerator.skewed(rnd, 2_000_000);
    json.writeObjectFieldStart(field);
    json.writeStringField("login", "user" + id);
    json.writeNumberField("id", id);
    json.writeEndObject();
  }

  /** 40 hex digits, as a commit's (String.format cost more than the rest of a push). */
  private String sha() {
    return HEX.toHexDigits(rnd.nextLong()) + HEX.toHexDigits(rnd.nextLong()) + HEX.toHexDigits(rnd.nextInt());
  }

  private String sentence(int minChars, int maxChars) {
    int target = minChars + rnd.nextInt(Math.max(1, maxChars - minChars));
    StringBuilder s = new StringBuilder(target + 12);
    while (s.length() < target) {
      s.append(s.length() == 0 ? "" : " ").append(WORDS[rnd.nextInt(WORDS.length)]);
    }
    return s.toString();
  }
}
