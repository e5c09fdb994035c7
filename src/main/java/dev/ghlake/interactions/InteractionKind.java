package dev.ghlake.interactions;

import java.util.Locale;

/**
 * What an event says about an actor's interest in a repository. The weights are the defaults of
 * the export (docs/interactions.md): an old GH Archive recommender (pombredanne/gitrec) weighted
 * Push 1.0, PullRequest 1.0, Fork 0.5, Watch 0.25; the kinds it had not are weighted like their
 * nearest one (a review like a pull request, a comment half of it).
 */
public enum InteractionKind {
  STAR(true, 0.25),
  FORK(true, 0.5),
  ISSUE_OPENED(false, 0.5),
  ISSUE_COMMENT(false, 0.25),
  PR_OPENED(false, 1.0),
  PR_MERGED(false, 1.0),
  PR_REVIEW(false, 1.0),
  PR_REVIEW_COMMENT(false, 0.5),
  PUSH(false, 1.0),
  RELEASE(false, 1.0),
  DISCUSSION(false, 0.25);

  private final boolean once;
  private final double weight;

  InteractionKind(boolean once, double weight) {
    this.once = once;
    this.weight = weight;
  }

  /**
   * Whether the kind counts once per (actor, repository) for all time: GH Archive records a star
   * or a fork again when GitHub re-delivers it, and an un-star leaves no event at all, so a
   * second star of the same pair is a repeat, never a second interest.
   */
  public boolean once() {
    return once;
  }

  public double defaultWeight() {
    return weight;
  }

  /** The name in the table and the options: {@code star}, {@code pr_merged}, ... */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind of a wire name; {@link IllegalArgumentException} naming the known ones. */
  public static InteractionKind ofWire(String wire) {
    for (InteractionKind k : values()) {
      if (k.wire().equals(wire.strip())) {
        return k;
      }
    }
    throw new IllegalArgumentException("'" + wire + "' is no interaction kind; known: "
        + java.util.Arrays.stream(values()).map(InteractionKind::wire).toList());
  }
}
