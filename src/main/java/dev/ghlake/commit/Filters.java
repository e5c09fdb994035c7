package dev.ghlake.commit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The options that decide which events become rows (docs/running.md, "Options"), read from the options a
 * run recorded: whether two versions of a partition hold the same set of events, and how to name
 * a version's filters to a person.
 */
final class Filters {
  static final List<String> NAMES = List.of("types", "allowUnknownTypes", "excludeTypes",
      "repos", "excludeRepos", "orgs", "excludeOrgs", "excludeBots");

  private Filters() {}

  static boolean same(JsonNode a, JsonNode b) {
    return NAMES.stream().allMatch(f -> normal(a.path(f)).equals(normal(b.path(f))));
  }

  /** {@code --types=IssuesEvent --excludeBots=true}, or {@code no filters}. */
  static String describe(JsonNode options) {
    String set = NAMES.stream().filter(f -> !normal(options.path(f)).isEmpty())
        .map(f -> "--" + f + "=" + text(options.path(f))).collect(Collectors.joining(" "));
    return set.isEmpty() ? "no filters" : set;
  }

  /** Unset, null, false and [] all mean "no such filter". */
  private static String normal(JsonNode v) {
    boolean none = v.isMissingNode() || v.isNull() || (v.isBoolean() && !v.asBoolean())
        || (v.isArray() && v.isEmpty()) || (v.isTextual() && v.asText().isEmpty());
    return none ? "" : v.toString();
  }

  private static String text(JsonNode v) {
    if (v.isArray()) {
      StringBuilder b = new StringBuilder();
      v.forEach(e -> b.append(b.length() == 0 ? "" : ",").append(e.asText()));
      return b.toString();
    }
    return v.asText();
  }
}
