package dev.ghlake.recommend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Recommenders measured on the time split: for each user with repositories in both train and
 * test (test holds only repositories new to the user), the top k against the test ones.
 * recall@k = hits / |test(u)|; NDCG@k with binary relevance, the ideal being min(k, |test(u)|)
 * hits on top. Both averaged over the users.
 */
public final class OfflineEvaluation {
  /** One recommender's figures. */
  public record Score(String recommender, int users, double recall, double ndcg) {}

  private OfflineEvaluation() {}

  /** At most {@code maxUsers} users (a seeded sample, so a run is repeatable). */
  public static List<Score> evaluate(Interactions train, Interactions test, List<Recommender> recommenders,
      int k, int maxUsers, long seed) {
    List<Integer> users = new ArrayList<>();
    for (int u = 0; u < test.users(); u++) {
      if (test.itemsOf(u).length > 0 && train.itemsOf(u).length > 0) {
        users.add(u);
      }
    }
    Collections.shuffle(users, new Random(seed));
    List<Integer> sample = users.subList(0, Math.min(maxUsers, users.size()));
    List<Score> out = new ArrayList<>();
    for (Recommender r : recommenders) {
      double recall = 0;
      double ndcg = 0;
      for (int u : sample) {
        int[] truth = test.itemsOf(u);
        int[] top = r.recommend(u, k);
        double dcg = 0;
        int hits = 0;
        for (int rank = 0; rank < top.length; rank++) {
          if (Arrays.binarySearch(truth, top[rank]) >= 0) {
            hits++;
            dcg += 1 / log2(rank + 2);
          }
        }
        double ideal = 0;
        for (int rank = 0; rank < Math.min(k, truth.length); rank++) {
          ideal += 1 / log2(rank + 2);
        }
        recall += (double) hits / truth.length;
        ndcg += dcg / ideal;
      }
      int n = Math.max(1, sample.size());
      out.add(new Score(r.name(), sample.size(), recall / n, ndcg / n));
    }
    return out;
  }

  /** The scores as a table to print. */
  public static String table(List<Score> scores, int k) {
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-20s %8s %10s %10s%n", "recommender",
        "users", "recall@" + k, "NDCG@" + k));
    scores.forEach(c -> s.append(String.format(Locale.ROOT, "%-20s %8d %10.4f %10.4f%n", c.recommender(),
        c.users(), c.recall(), c.ndcg())));
    return s.toString();
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
