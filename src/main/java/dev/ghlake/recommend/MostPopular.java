package dev.ghlake.recommend;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** The yardstick: the repositories with the most users in train, the same for everyone. */
public final class MostPopular implements Recommender {
  private final Interactions train;
  private final int[] ranked;

  public MostPopular(Interactions train) {
    this.train = train;
    this.ranked = IntStream.range(0, train.items()).boxed()
        .sorted(Comparator.comparingInt((Integer i) -> -train.popularity(i)).thenComparingInt(i -> i))
        .mapToInt(Integer::intValue).toArray();
  }

  @Override
  public String name() {
    return "most popular";
  }

  @Override
  public int[] recommend(int user, int k) {
    int[] has = train.itemsOf(user);
    return Arrays.stream(ranked).filter(i -> Arrays.binarySearch(has, i) < 0).limit(k).toArray();
  }
}
