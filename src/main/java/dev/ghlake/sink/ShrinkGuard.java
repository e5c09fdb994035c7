package dev.ghlake.sink;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.util.List;

/**
 * Whether a new version of a partition may replace the lake's although it holds far fewer rows.
 * GH Archive has re-published hour files with a fraction of their events (gharchive.org #310,
 * #312, #323); a re-run over them must not shrink a good lake. The guard only compares versions
 * made with the same filters: with other filters fewer rows are what the user asked for.
 *
 * @param limit the share of the lake's rows a new version must reach; 0 lets any version through
 */
public record ShrinkGuard(double limit) implements Serializable {
  /** The options that decide which events become rows (README, "Filters"). */
  static final List<String> FILTERS = List.of("types", "allowUnknownTypes", "excludeTypes",
      "repos", "excludeRepos", "orgs", "excludeOrgs", "excludeBots");

  /**
   * Why the new version must not replace the lake's, or null when it may.
   *
   * @param previousManifest the lake's manifest of the partition
   * @param optionsJson this run's options, as {@code OptionsRecord} wrote them
   * @param rows the rows of the new version
   */
  String refuse(String previousManifest, String optionsJson, long rows) {
    long before = PartitionManifest.rows(previousManifest);
    if (limit <= 0 || rows >= before * limit
        || !sameFilters(PartitionManifest.options(previousManifest), PartitionManifest.parse(optionsJson))) {
      return null;
    }
    return String.format("the new version would shrink it from %,d to %,d rows (under --shrinkLimit=%s "
        + "of the lake's version, made with the same filters); re-run with --shrinkLimit=0 to "
        + "accept it", before, rows, limit);
  }

  private static boolean sameFilters(JsonNode a, JsonNode b) {
    return FILTERS.stream().allMatch(f -> normal(a.path(f)).equals(normal(b.path(f))));
  }

  /** Unset, null, false and [] all mean "no such filter". */
  private static String normal(JsonNode v) {
    boolean none = v.isMissingNode() || v.isNull() || (v.isBoolean() && !v.asBoolean())
        || (v.isArray() && v.isEmpty()) || (v.isTextual() && v.asText().isEmpty());
    return none ? "" : v.toString();
  }
}
