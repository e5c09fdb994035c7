package dev.ghlake.transform;

import dev.ghlake.model.EventSchema;
import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.generic.GenericRecord;

/** The keep/drop rules of {@link FilterOptions}, as a pure function that names its reason. */
public final class EventFilter implements Serializable {
  private final Set<String> types;
  private final Set<String> excludedTypes;
  private final GlobList repos;
  private final GlobList excludedRepos;
  private final GlobList orgs;
  private final GlobList excludedOrgs;
  private final boolean excludeBots;

  public EventFilter(FilterOptions options) {
    this.types = toSet(options.getTypes());
    this.excludedTypes = toSet(options.getExcludeTypes());
    this.repos = new GlobList(options.getRepos());
    this.excludedRepos = new GlobList(options.getExcludeRepos());
    this.orgs = new GlobList(options.getOrgs());
    this.excludedOrgs = new GlobList(options.getExcludeOrgs());
    this.excludeBots = options.getExcludeBots();
  }

  /** Null to keep the event, else the first rule that drops it. */
  public FilterReason reasonToDrop(GenericRecord event) {
    String type = event.get(EventSchema.TYPE).toString();
    if (!types.isEmpty() && !types.contains(type)) {
      return FilterReason.TYPE_NOT_INCLUDED;
    }
    if (excludedTypes.contains(type)) {
      return FilterReason.TYPE_EXCLUDED;
    }
    String repo = text(event, EventSchema.REPO_NAME);
    if (!repos.isEmpty() && !repos.matches(repo)) {
      return FilterReason.REPO_NOT_INCLUDED;
    }
    if (excludedRepos.matches(repo)) {
      return FilterReason.REPO_EXCLUDED;
    }
    String org = orgOf(event, repo);
    if (!orgs.isEmpty() && !orgs.matches(org)) {
      return FilterReason.ORG_NOT_INCLUDED;
    }
    if (excludedOrgs.matches(org)) {
      return FilterReason.ORG_EXCLUDED;
    }
    String actor = text(event, EventSchema.ACTOR_LOGIN);
    if (excludeBots && actor != null && actor.endsWith("[bot]")) {
      return FilterReason.BOT;
    }
    return null;
  }

  /** The org login, or the repository's owner when the event names no org. */
  private static String orgOf(GenericRecord event, String repo) {
    String org = text(event, EventSchema.ORG_LOGIN);
    if (org != null || repo == null) {
      return org;
    }
    int slash = repo.indexOf('/');
    return slash > 0 ? repo.substring(0, slash) : null;
  }

  private static String text(GenericRecord event, String field) {
    Object v = event.get(field);
    return v == null ? null : v.toString();
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
