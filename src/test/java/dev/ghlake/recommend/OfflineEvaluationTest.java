package dev.ghlake.recommend;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The evaluation harness proven, not just run: where interactions have a structure (communities
 * of users who share repositories) co-occurrence must beat popularity by far; where they are
 * random it must not, nor be better than chance. Both sets go through the export's CSV files.
 */
public class OfflineEvaluationTest {
  private static final int USERS = 2_000;
  private static final int ITEMS = 500;
  private static final int COMMUNITIES = 20;
  private static final int K = 10;

  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void onPlantedCommunitiesCoOccurrenceBeatsPopularityByFar() throws IOException {
    List<OfflineEvaluation.Score> s = evaluate(true);
    System.out.print(OfflineEvaluation.table(s, K));
    OfflineEvaluation.Score popular = s.get(0);
    OfflineEvaluation.Score cooc = s.get(1);
    assertEquals(1_000, cooc.users());
    // 3 test repositories among the 17 of its community the user lacks: a perfect top 10 finds 10/17
    assertTrue(s.toString(), cooc.recall() > 0.5 && cooc.ndcg() > 0.3);
    assertTrue(s.toString(), cooc.recall() > 5 * popular.recall() && cooc.ndcg() > 5 * popular.ndcg());
  }

  @Test
  public void onRandomInteractionsNeitherBeatsChance() throws IOException {
    List<OfflineEvaluation.Score> s = evaluate(false);
    System.out.print(OfflineEvaluation.table(s, K));
    double chance = (double) K / ITEMS; // a random top 10 of 500 finds 2 % of the test repositories
    for (OfflineEvaluation.Score score : s) {
      assertTrue(s.toString(), score.recall() < 2 * chance);
    }
    assertTrue(s.toString(), Math.abs(s.get(1).recall() - s.get(0).recall()) < chance);
  }

  private List<OfflineEvaluation.Score> evaluate(boolean planted) throws IOException {
    Random rnd = new Random(planted ? 7 : 11);
    StringBuilder train = new StringBuilder("user,item,weight,timestamp\n");
    StringBuilder test = new StringBuilder("user,item,weight,timestamp\n");
    int perCommunity = ITEMS / COMMUNITIES;
    for (int u = 0; u < USERS; u++) {
      int community = u % COMMUNITIES;
      TreeSet<Integer> chosen = new TreeSet<>();
      List<Integer> picks = new ArrayList<>();
      while (picks.size() < 11) { // 8 train and 3 test: from the community, or from anywhere
        int item = planted ? community * perCommunity + rnd.nextInt(perCommunity) : rnd.nextInt(ITEMS);
        if (chosen.add(item)) {
          picks.add(item);
        }
      }
      for (int n = 0; n < picks.size(); n++) {
        (n < 8 ? train : test).append(u).append(',').append(picks.get(n)).append(",1.0,").append(1_700_000_000L + n).append('\n');
      }
      if (planted) { // and some noise: two repositories from anywhere
        train.append(u).append(',').append(rnd.nextInt(ITEMS)).append(",1.0,1700000000\n");
        train.append(u).append(',').append(rnd.nextInt(ITEMS)).append(",1.0,1700000000\n");
      }
    }
    Path trainCsv = tmp.getRoot().toPath().resolve("train.csv");
    Path testCsv = tmp.getRoot().toPath().resolve("test.csv");
    Files.writeString(trainCsv, dedup(train.toString()));
    Files.writeString(testCsv, test.toString());
    Interactions trainSet = Interactions.read(trainCsv.toString());
    return OfflineEvaluation.evaluate(trainSet, Interactions.read(testCsv.toString()),
        List.of(new MostPopular(trainSet), new ItemCoOccurrence(trainSet)), K, 1_000, 42);
  }

  /** A pair once (a noise pick may repeat a planted one), as the export writes pairs. */
  private static String dedup(String csv) {
    TreeSet<String> seen = new TreeSet<>();
    StringBuilder out = new StringBuilder();
    for (String line : csv.split("\n")) {
      String pair = line.substring(0, line.indexOf(',', line.indexOf(',') + 1));
      if (seen.add(pair)) {
        out.append(line).append('\n');
      }
    }
    return out.toString();
  }
}
