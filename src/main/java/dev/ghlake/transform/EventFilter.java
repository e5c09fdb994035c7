package dev.ghlake.transform;

import dev.ghlake.transform.normalize.EventFields;
import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The keep/drop rules of {@link FilterOptions}, checked and compiled once, as a pure function
 * that names its reason. It reads only what the line scan gives (type, repository, org, actor),
 * so it runs before any payload work.
 */
public final class EventFilter implements Serializable {
  private final Set<String> types;
  private final Set<String> excludedTypes;
  private final GlobList repos;
  private final GlobList excludedRepos;
  private final GlobList orgs;
  private final GlobList excludedOrgs;
  private final boolean excludeBots;

  private EventFilter(FilterOptions options) {
    this.types = toSet(options.getTypes());
    this.excludedTypes = toSet(options.getExcludeTypes());
    this.repos = GlobList.repos("repos", options.getRepos());
    this.excludedRepos = GlobList.repos("excludeRepos", options.getExcludeRepos());
    this.orgs = GlobList.orgs("orgs", options.getOrgs());
    this.excludedOrgs = GlobList.orgs("excludeOrgs", options.getExcludeOrgs());
    this.excludeBots = options.getExcludeBots();
  }

  /** Checks the options; throws {@link IllegalArgumentException} naming the option at fault. */
  public static EventFilter of(FilterOptions options) {
    EventTypes.check("types", options.getTypes(), options.getAllowUnknownTypes());
    EventTypes.check("excludeTypes", options.getExcludeTypes(), options.getAllowUnknownTypes());
    Set<String> both = toSet(options.getTypes());
    both.retainAll(toSet(options.getExcludeTypes()));
    if (!both.isEmpty() && both.size() == toSet(options.getTypes()).size()) {
      throw new IllegalArgumentException("--types and --excludeTypes both name " + String.join(", ",
          new TreeSet<>(both)) + ": no event would be kept. Drop one of the two");
    }
    return new EventFilter(options);
  }

  /** Null to keep the event, else the first rule that drops it. */
  public FilterReason reasonToDrop(EventFields event) {
    String type = event.type();
    if (!types.isEmpty() && !types.contains(type)) {
      return FilterReason.TYPE_NOT_INCLUDED;
    }
    if (excludedTypes.contains(type)) {
      return FilterReason.TYPE_EXCLUDED;
    }
    String repo = event.repoName();
    if (!repos.isEmpty() && !repos.matches(repo)) {
      return FilterReason.REPO_NOT_INCLUDED;
    }
    if (excludedRepos.matches(repo)) {
      return FilterReason.REPO_EXCLUDED;
    }
    if (!orgs.isEmpty() || !excludedOrgs.isEmpty()) {
      String org = event.orgOrOwner();
      if (!orgs.isEmpty() && !orgs.matches(org)) {
        return FilterReason.ORG_NOT_INCLUDED;
      }
      if (excludedOrgs.matches(org)) {
        return FilterReason.ORG_EXCLUDED;
      }
    }
    String actor = event.actorLogin();
    if (excludeBots && actor != null && actor.endsWith("[bot]")) {
      return FilterReason.BOT;
    }
    return null;
  }

  private static Set<String> toSet(List<String> values) {
    Set<String> set = new HashSet<>();
    if (values != null) {
      for (String v : values) {
        if (!v.isBlank()) {
          set.add(v.strip());
        }
      }
    }
    return set;
  }
}
