package dev.ghlake.source.synthetic;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Serializable;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Deterministic GH Archive events in the modern Events API shape: event {@code i} of seed {@code
 * s} is always the same line. Type mix, actor/repo skew, bots, late events and repeated events
 * follow the real archive's proportions closely enough for filters, partitions and benchmarks.
 */
public final class SyntheticEventGenerator implements Serializable {
  /** Share of events (per mille) by type; PushEvent about half, as in the real archive. */
  static final String[] TYPES = {
    "PushEvent", "CreateEvent", "WatchEvent", "IssueCommentEvent", "PullRequestEvent",
    "IssuesEvent", "ForkEvent", "DeleteEvent", "PullRequestReviewEvent",
    "PullRequestReviewCommentEvent", "ReleaseEvent", "GollumEvent", "MemberEvent", "PublicEvent",
    "CommitCommentEvent"
  };
  private static final int[] PER_MILLE = {500, 120, 90, 70, 60, 30, 30, 30, 25, 20, 8, 6, 4, 3, 4};
  private static final String[] BOTS = {"dependabot[bot]", "github-actions[bot]", "renovate[bot]"};
  private static final String[] ORGS = {"apache", "kubernetes", "microsoft", "rust-lang", "google"};
  private static final long ID_BASE = 40_000_000_000L;
  private static final JsonFactory JSON = new JsonFactory();

  private final long seed;

  public SyntheticEventGenerator(long seed) {
    this.seed = seed;
  }

  /** Whether event {@code index} repeats the previous one (about 1 in 1,000, as the archive does). */
  public boolean repeatsPrevious(long index) {
    return random(index ^ 0x5DEECE66DL).nextInt(1000) == 0;
  }

  /** Event {@code index} as one JSON line, created within (or, rarely, before) the given hour. */
  public String event(long index, Instant hourStart) {
    SplittableRandom rnd = random(index);
    String type = pickType(rnd.nextInt(1000));
    long createdAt = hourStart.getEpochSecond() + rnd.nextInt(3600)
        - (rnd.nextInt(1000) < 3 ? 1 + rnd.nextInt(7200) : 0); // a few late events
    StringWriter text = new StringWriter(512);
    try (JsonGenerator json = JSON.createGenerator(text)) {
      json.writeStartObject();
      json.writeStringField("id", Long.toString(ID_BASE + index));
      json.writeStringField("type", type);
      SyntheticRepo repo = SyntheticRepo.pick(rnd);
      writeActor(json, rnd);
      writeRepo(json, repo);
      json.writeFieldName("payload");
      new SyntheticPayloads(rnd, repo.fullName()).write(type, index, json);
      json.writeBooleanField("public", true);
      json.writeStringField("created_at", Instant.ofEpochSecond(createdAt).toString());
      if (repo.org() != null) {
        json.writeObjectFieldStart("org");
        json.writeNumberField("id", repo.orgId());
        json.writeStringField("login", repo.org());
        json.writeStringField("gravatar_id", "");
        json.writeStringField("url", "https://api.github.com/orgs/" + repo.org());
        json.writeStringField("avatar_url",
            "https://avatars.githubusercontent.com/u/" + repo.orgId() + "?");
        json.writeEndObject();
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  private SplittableRandom random(long index) {
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
  }

  private static String pickType(int roll) {
    int sum = 0;
    for (int i = 0; i < TYPES.length; i++) {
      sum += PER_MILLE[i];
      if (roll < sum) {
        return TYPES[i];
      }
    }
    return TYPES[0];
  }

  private static void writeActor(JsonGenerator json, SplittableRandom rnd) throws IOException {
    boolean bot = rnd.nextInt(100) < 8;
    long id = bot ? 49_699_333L + rnd.nextInt(BOTS.length) : skewed(rnd, 2_000_000);
    String login = bot ? BOTS[(int) (id - 49_699_333L)] : "user" + id;
    json.writeObjectFieldStart("actor");
    json.writeNumberField("id", id);
    json.writeStringField("login", login);
    json.writeStringField("display_login", login.replace("[bot]", ""));
    json.writeStringField("gravatar_id", "");
    json.writeStringField("url", "https://api.github.com/users/" + login);
    json.writeStringField("avatar_url", "https://avatars.githubusercontent.com/u/" + id + "?");
    json.writeEndObject();
  }

  private static void writeRepo(JsonGenerator json, SyntheticRepo repo) throws IOException {
    json.writeObjectFieldStart("repo");
    json.writeNumberField("id", repo.id());
    json.writeStringField("name", repo.fullName());
    json.writeStringField("url", "https://api.github.com/repos/" + repo.fullName());
    json.writeEndObject();
  }

  /** A whole number in [1, n], most of them small: a few actors and repos are very busy. */
  static long skewed(SplittableRandom rnd, long n) {
    double u = rnd.nextDouble();
    return 1 + (long) (u * u * u * (n - 1));
  }

  /** A repository: 30 % belong to an organisation, a few of them well known. */
  record SyntheticRepo(long id, String fullName, String org, long orgId) {
    static SyntheticRepo pick(SplittableRandom rnd) {
      long id = skewed(rnd, 5_000_000);
      int ownerRoll = (int) (id % 100);
      if (ownerRoll < 5) {
        String org = ORGS[ownerRoll];
        return new SyntheticRepo(id, org + "/project" + id, org, 1_000 + ownerRoll);
      }
      if (ownerRoll < 30) {
        long orgId = 10_000 + id % 20_000;
        return new SyntheticRepo(id, "org" + orgId + "/repo" + id, "org" + orgId, orgId);
      }
      return new SyntheticRepo(id, "user" + (id % 2_000_000 + 1) + "/repo" + id, null, 0);
    }
  }
}
