package dev.ghlake.interactions;

import static org.junit.Assert.assertEquals;

import java.util.List;
import org.junit.Test;

/** Summing activities gives one answer in any order: runners combine in whatever order they like. */
public class PairActivityTest {
  @Test
  public void atTheSameTimeTheNamesChosenDoNotDependOnTheOrder() {
    PairActivity a = new PairActivity(1, 10, 20, "b-login", "a/repo");
    PairActivity b = new PairActivity(2, 5, 20, "a-login", "b/repo");
    PairActivity c = new PairActivity(1, 7, 20, "b-login", "c/repo");
    PairActivity expected = new PairActivity(4, 5, 20, "b-login", "c/repo");
    // the later login wins, then the later name: not a sum of the two comparisons, which ties here
    assertEquals(new PairActivity(3, 5, 20, "b-login", "a/repo"), a.plus(b));
    assertEquals(a.plus(b), b.plus(a));
    for (List<PairActivity> order : List.of(List.of(a, b, c), List.of(b, a, c), List.of(c, b, a),
        List.of(b, c, a), List.of(a, c, b), List.of(c, a, b))) {
      assertEquals(order.toString(), expected, PairActivity.sum(order));
    }
  }
}
