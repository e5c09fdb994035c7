package dev.ghlake.backfill;

import dev.ghlake.commit.LakeCompleteness;
import dev.ghlake.model.HourWindow;
import dev.ghlake.model.LakePaths;
import dev.ghlake.model.PartitionBy;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A backfill's range, planned: its units, those the lake already holds complete (skipped unless
 * forced), and the rest grouped into jobs, oldest first. Planning again after a kill finds the
 * units that were committed since, which is what makes a backfill resumable.
 */
public record BackfillPlan(List<HourWindow> units, List<HourWindow> complete, List<List<HourWindow>> jobs) {

  /** Reads the lake's manifests (one listing per day) to find the complete units. */
  public static BackfillPlan of(HourWindow range, BackfillUnit unit, int unitsPerJob, boolean force,
      String output, PartitionBy by) throws IOException {
    List<HourWindow> units = unit.split(range);
    List<HourWindow> complete = new ArrayList<>();
    List<HourWindow> todo = new ArrayList<>();
    for (HourWindow u : units) {
      if (!force && LakeCompleteness.isComplete(LakePaths.of(output), u, by)) {
        complete.add(u);
      } else {
        todo.add(u);
      }
    }
    List<List<HourWindow>> jobs = new ArrayList<>();
    for (int i = 0; i < todo.size(); i += unitsPerJob) {
      jobs.add(List.copyOf(todo.subList(i, Math.min(todo.size(), i + unitsPerJob))));
    }
    return new BackfillPlan(List.copyOf(units), List.copyOf(complete), List.copyOf(jobs));
  }

  public int toRun() {
    return units.size() - complete.size();
  }
}
