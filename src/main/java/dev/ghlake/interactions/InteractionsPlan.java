package dev.ghlake.interactions;

import dev.ghlake.model.LakePaths;
import java.io.Serializable;
import java.util.List;

/**
 * A run of the interactions table, resolved once: the lake, the run's id, the days to build and
 * those skipped as up to date, and the settings the transforms take.
 *
 * @param botDailyInteractions an actor with more interaction events than this in a day is
 *     flagged a bot by volume
 * @param staging the run's staging folder (local, or a Beam filesystem path every worker reads)
 */
public record InteractionsPlan(String lake, String runId, String version, List<DayPlan> days,
    List<String> upToDate, long botDailyInteractions, int filesPerDay, String staging) implements Serializable {

  /** The table's root: {@code <lake>/interactions/}. */
  public String tableRoot() {
    return LakePaths.of(lake).interactions() + "/";
  }

  public String dayFolder(String day) {
    return tableRoot() + "dt=" + day + "/";
  }

  /** Where the writer keeps files until they are complete. */
  public String temporaryFolder() {
    return tableRoot() + "_tmp/" + runId;
  }

  /** Where a run leaves each day's verdict, and its summary. */
  public String runFolder() {
    return tableRoot() + "_runs/" + runId + "/";
  }

  /** The same plan for some of its days (a job of a longer run). */
  public InteractionsPlan only(List<DayPlan> some) {
    return new InteractionsPlan(lake, runId, version, List.copyOf(some), upToDate, botDailyInteractions, filesPerDay,
        staging);
  }

  public DayPlan day(String day) {
    return days.stream().filter(d -> d.day().equals(day)).findFirst().orElse(null);
  }
}
