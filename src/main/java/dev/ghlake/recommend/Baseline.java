package dev.ghlake.recommend;

import dev.ghlake.storage.LakeFiles;
import java.io.IOException;
import java.util.List;

/** The baseline of an export: item co-occurrence against most popular, at 10, written beside the set. */
public final class Baseline {
  public static final int K = 10;

  private Baseline() {}

  /** Evaluates the export in {@code folder} (its train.csv and test.csv); the table, also in evaluation.txt. */
  public static String evaluate(String folder, int maxUsers) throws IOException {
    String root = folder.endsWith("/") ? folder : folder + "/";
    Interactions train = Interactions.read(root + "train.csv");
    Interactions test = Interactions.read(root + "test.csv");
    List<OfflineEvaluation.Score> scores = OfflineEvaluation.evaluate(train, test,
        List.of(new MostPopular(train), new ItemCoOccurrence(train)), K, maxUsers, 42);
    String table = OfflineEvaluation.table(scores, K);
    LakeFiles.write(root + "evaluation.txt", table);
    return table;
  }
}
