package dev.ghlake.run;

import dev.ghlake.commit.CommitSpec;
import dev.ghlake.commit.WriteRunLedger;
import dev.ghlake.model.HourWindow;
import dev.ghlake.model.LakePaths;
import dev.ghlake.sink.FilePlan;
import dev.ghlake.source.SourcePlan;
import dev.ghlake.stage.StagingPlan;
import dev.ghlake.storage.Leases;
import dev.ghlake.summary.RunLimits;
import dev.ghlake.table.TablePlan;
import dev.ghlake.transform.EventShaper;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

/**
 * A run, resolved once from its options before anything runs: its id, windows, what it reads,
 * how lines are shaped, where rows are staged, how files are cut and committed, and the limits
 * it is judged by. The transforms are given parts of it; none of them reads options.
 */
public record RunPlan(
    String runId,
    Instant startedAt,
    LakePaths lake,
    List<HourWindow> windows,
    SourcePlan source,
    EventShaper shaper,
    StagingPlan staging,
    FilePlan files,
    CommitSpec commit,
    TablePlan table,
    RunLimits limits) {

  /** The lake's root, as summaries show it. */
  public String output() {
    return lake.root();
  }

  /** The windows as reports show them ({@code 2024-07-01T00 .. 2024-07-02T00}), null for none. */
  public String windowText() {
    return commit.window();
  }

  public String ledgerPath() {
    return WriteRunLedger.path(lake, runId);
  }

  /** The leases the run needs: every day its windows touch, or the whole lake without a window. */
  public List<String> leaseKeys() {
    if (windows.isEmpty()) {
      return List.of(Leases.LAKE);
    }
    TreeSet<String> days = new TreeSet<>();
    windows.forEach(w -> w.hours().forEach(h -> days.add("dt=" + h.toLocalDate())));
    return List.copyOf(days);
  }
}
