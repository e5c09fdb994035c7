package dev.ghlake.training;

import dev.ghlake.interactions.InteractionKind;
import java.util.EnumMap;
import java.util.Map;

/**
 * One (user, repository) pair's weight in each split, from its rows of the table:
 * {@code ln(1 + Σ weight(kind) × n × 2^(−age / half-life))}, where n is the row's events, or 1 once
 * for all time for stars and forks (at their first time), and the age is counted to the split
 * (train) or the window's end (test). The logarithm squashes a thousand pushes to a few times one
 * push's confidence, as gitrec squashed its sums.
 */
final class PairWeights {
  private final ExportPlan plan;
  private final double[] raw = new double[2];
  private final long[] last = {Long.MIN_VALUE, Long.MIN_VALUE};
  private final boolean[] seen = new boolean[2];
  private final Map<InteractionKind, Long> firstOnce = new EnumMap<>(InteractionKind.class);

  PairWeights(ExportPlan plan) {
    this.plan = plan;
  }

  void add(Contribution c) {
    if (c.kind().once()) {
      firstOnce.merge(c.kind(), c.activity().firstMicros(), Math::min);
      return;
    }
    add(c.kind(), c.activity().events(), c.activity().firstMicros(), c.activity().lastMicros());
  }

  private void add(InteractionKind kind, long n, long firstMicros, long lastMicros) {
    int split = firstMicros >= plan.cutoffMicros() ? 1 : 0;
    long reference = split == 0 && plan.split() ? plan.cutoffMicros() : plan.endMicros();
    raw[split] += plan.weights().get(kind) * n * decay(reference - lastMicros);
    last[split] = Math.max(last[split], lastMicros);
    seen[split] = true;
  }

  private double decay(long ageMicros) {
    if (plan.halfLifeDays() <= 0) {
      return 1;
    }
    double days = Math.max(0, ageMicros) / 86_400e6;
    return Math.pow(2, -days / plan.halfLifeDays());
  }

  /** The pair in the train split; null when it has no weight there. */
  TrainingPair train(long actor, long repo) {
    finishOnce();
    return raw[0] > 0 ? new TrainingPair(false, actor, repo, Math.log1p(raw[0]), last[0] / 1_000_000L) : null;
  }

  /**
   * The pair in the test split: only pairs new since the split (a repository the user already had
   * in train is nothing to predict); null otherwise.
   */
  TrainingPair test(long actor, long repo) {
    finishOnce();
    return raw[1] > 0 && !seen[0] ? new TrainingPair(true, actor, repo, Math.log1p(raw[1]), last[1] / 1_000_000L) : null;
  }

  private void finishOnce() {
    firstOnce.forEach((kind, first) -> add(kind, 1, first, first));
    firstOnce.clear();
  }
}
