package dev.ghlake.accounting;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class CompletenessCheckTest {
  private final CompletenessCheck check = new CompletenessCheck(0.5, 0.25);

  private static List<Map<String, Long>> steady(int partitions) {
    List<Map<String, Long>> history = new ArrayList<>();
    for (int i = 0; i < partitions; i++) {
      history.add(Map.of("PushEvent", 500L + i, "WatchEvent", 100L));
    }
    return history;
  }

  @Test
  public void aNormalPartitionRaisesNothing() {
    assertEquals(List.of(), check.warnings("p", Map.of("PushEvent", 480L, "WatchEvent", 110L), steady(24)));
  }

  @Test
  public void aPartitionFarBelowTheMedianIsFlagged() {
    List<String> w = check.warnings("dt=2024-07-01/hour=08", Map.of("PushEvent", 250L, "WatchEvent", 40L), steady(24));
    assertEquals(w.toString(), 1, w.size());
    assertTrue(w.get(0), w.get(0).contains("290 events, under 50% of the median 612 of the 24 partitions"));
  }

  @Test
  public void aSharpShiftInTypesIsFlagged() {
    List<String> w = check.warnings("p", Map.of("WatchEvent", 600L), steady(10));
    assertEquals(w.toString(), 1, w.size());
    assertTrue(w.get(0), w.get(0).contains("type mix shifted: distance 0.83"));
  }

  @Test
  public void tooLittleHistoryJudgesNothing() {
    assertEquals(List.of(), check.warnings("p", Map.of("WatchEvent", 1L), steady(CompletenessCheck.MIN_HISTORY - 1)));
  }

  @Test
  public void medianAndDistance() {
    assertEquals(3.0, CompletenessCheck.median(List.of(5L, 1L, 3L)), 0);
    assertEquals(2.5, CompletenessCheck.median(List.of(4L, 1L, 3L, 2L)), 0);
    assertEquals(0.5, CompletenessCheck.distance(Map.of("a", 1.0), Map.of("a", 0.5, "b", 0.5)), 1e-9);
  }
}
