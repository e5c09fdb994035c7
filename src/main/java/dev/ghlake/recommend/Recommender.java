package dev.ghlake.recommend;

/** Recommends repositories to a user of the train split. */
public interface Recommender {
  String name();

  /** The k best repositories for the user, best first, none the user already has in train. */
  int[] recommend(int user, int k);
}
