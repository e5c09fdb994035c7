package dev.ghlake.training;

import static org.junit.Assert.assertEquals;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.Test;

/** The set's weights are written as {@code %.6f} writes them, without its cost. */
public class IndexedPairTest {

  @Test
  public void sixDecimalsAreWhatFormatWrites() {
    double[] edges = {0, 1e-7, 4.9e-7, 5.1e-7, 0.999_999_4, 0.999_999_6, 1, Math.log1p(0.25), Math.log1p(1e9), 123.456_789_5};
    for (double w : edges) {
      assertEquals(String.format(Locale.ROOT, "%.6f", w), IndexedPair.sixDecimals(w));
    }
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 200_000; i++) {
      double w = Math.log1p(random.nextDouble() * Math.pow(10, random.nextInt(8)));
      assertEquals(String.valueOf(w), String.format(Locale.ROOT, "%.6f", w), IndexedPair.sixDecimals(w));
    }
  }

  @Test
  public void aLineIsTheRecommendersShape() {
    IndexedPair p = new IndexedPair(false, 3, 17, Math.log1p(0.25), 1719848925L);
    assertEquals("3,17,0.223144,1719848925", p.csv());
    assertEquals("3\t17\t0.223144\t1719848925", p.inter());
  }
}
