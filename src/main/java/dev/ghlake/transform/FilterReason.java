package dev.ghlake.transform;

/** Why an event was filtered out; labels appear in counters and summaries. */
public enum FilterReason {
  TYPE_NOT_INCLUDED("type_not_included"),
  TYPE_EXCLUDED("type_excluded"),
  REPO_NOT_INCLUDED("repo_not_included"),
  REPO_EXCLUDED("repo_excluded"),
  ORG_NOT_INCLUDED("org_not_included"),
  ORG_EXCLUDED("org_excluded"),
  BOT("bot");

  private final String label;

  FilterReason(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
