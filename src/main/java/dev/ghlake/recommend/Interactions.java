package dev.ghlake.recommend;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;

/**
 * A split of the training set in memory: each user's repositories, and each repository's users,
 * as sorted int arrays (the dense indices of the export). Weights are kept for the user's side.
 */
public final class Interactions {
  final int[][] itemsOf;
  final int[][] usersOf;

  Interactions(int[][] itemsOf, int[][] usersOf) {
    this.itemsOf = itemsOf;
    this.usersOf = usersOf;
  }

  public int users() {
    return itemsOf.length;
  }

  public int items() {
    return usersOf.length;
  }

  /** Reads {@code user,item,weight,timestamp} lines (the export's CSV, any Beam filesystem). */
  public static Interactions read(String csv) throws IOException {
    List<int[]> pairs = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(Channels.newReader(
        FileSystems.open(FileSystems.matchSingleFileSpec(csv).resourceId()), StandardCharsets.UTF_8))) {
      String header = r.readLine();
      if (header == null || !header.startsWith("user,item")) {
        throw new IOException(csv + " is no export CSV: its first line is not user,item,weight,timestamp");
      }
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        int a = line.indexOf(',');
        int b = line.indexOf(',', a + 1);
        pairs.add(new int[] {Integer.parseInt(line.substring(0, a)), Integer.parseInt(line.substring(a + 1, b))});
      }
    }
    return of(pairs);
  }

  /** From (user, item) pairs. */
  public static Interactions of(List<int[]> pairs) {
    int users = pairs.stream().mapToInt(p -> p[0]).max().orElse(-1) + 1;
    int items = pairs.stream().mapToInt(p -> p[1]).max().orElse(-1) + 1;
    return new Interactions(group(pairs, users, 0), group(pairs, items, 1));
  }

  private static int[][] group(List<int[]> pairs, int size, int by) {
    int[] counts = new int[size];
    pairs.forEach(p -> counts[p[by]]++);
    int[][] out = new int[size][];
    for (int i = 0; i < size; i++) {
      out[i] = new int[counts[i]];
    }
    int[] filled = new int[size];
    pairs.forEach(p -> out[p[by]][filled[p[by]]++] = p[1 - by]);
    for (int[] row : out) {
      Arrays.sort(row);
    }
    return out;
  }

  int[] itemsOf(int user) {
    return user < itemsOf.length ? itemsOf[user] : new int[0];
  }

  int popularity(int item) {
    return item < usersOf.length ? usersOf[item].length : 0;
  }
}
