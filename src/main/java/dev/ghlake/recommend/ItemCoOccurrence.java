package dev.ghlake.recommend;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Item-to-item co-occurrence: a repository scores for a user by how often the users of the user's
 * repositories also have it, each co-occurrence normalised by both repositories' popularity
 * (cosine: c(i,j) / sqrt(|U(i)| |U(j)|)), so a repository everyone has does not win by being
 * everywhere. The classic baseline of implicit-feedback recommenders: no training, and a
 * neighbourhood model such as ALS must beat it to earn its keep. A repository's neighbours are
 * read from at most {@link #NEIGHBOURS} of its users, so a user of a hugely popular repository
 * costs a bounded time.
 */
public final class ItemCoOccurrence implements Recommender {
  static final int NEIGHBOURS = 500;

  private final Interactions train;

  public ItemCoOccurrence(Interactions train) {
    this.train = train;
  }

  @Override
  public String name() {
    return "item co-occurrence";
  }

  @Override
  public int[] recommend(int user, int k) {
    int[] has = train.itemsOf(user);
    Map<Integer, Double> scores = new HashMap<>();
    for (int i : has) {
      int[] users = train.usersOf[i];
      double norm = Math.sqrt(users.length);
      for (int n = 0; n < Math.min(users.length, NEIGHBOURS); n++) {
        int v = users[n];
        if (v == user) {
          continue;
        }
        for (int j : train.itemsOf(v)) {
          if (Arrays.binarySearch(has, j) < 0) {
            scores.merge(j, 1.0 / (norm * Math.sqrt(train.popularity(j))), Double::sum);
          }
        }
      }
    }
    return scores.entrySet().stream()
        .sorted(Map.Entry.<Integer, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(k).mapToInt(Map.Entry::getKey).toArray();
  }
}
