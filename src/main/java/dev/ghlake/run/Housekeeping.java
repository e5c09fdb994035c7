package dev.ghlake.run;

import dev.ghlake.commit.PendingFiles;
import dev.ghlake.stage.StagingFolders;
import dev.ghlake.storage.LakeStorage;
import dev.ghlake.storage.Leases;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's housekeeping, in one place: before it reads, what runs that died left (their
 * uncommitted files, staging, Beam's temporary files); on its way out, its own. A failure to tidy
 * is logged, never the run's failure: the next run tidies again.
 */
final class Housekeeping {
  private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);

  private Housekeeping() {}

  /** What runs that died left in the lake: uncommitted files, their staging, Beam's temp files. */
  static void tidyAbandoned(RunPlan plan, Leases leases, String stagingLocation, PrintStream err) {
    try {
      Set<String> live = leases == null ? Set.of() : leases.liveRuns();
      for (String run : PendingFiles.runs(plan.lake())) {
        if (live.contains(run) || run.equals(plan.runId())) {
          continue;
        }
        var started = PendingFiles.started(plan.lake(), run);
        String staging = started == null ? "" : started.path("staging").asText("");
        int files = PendingFiles.clean(plan.lake(), run);
        if (staging.contains("://")) {
          StagingFolders.delete(staging);
        }
        err.println("ghlake: run " + run + " did not finish: removed its " + files + " uncommitted file(s)");
      }
      LakeStorage.removeBeamTemp(plan.commit().eventsRoot());
      StagingFolders.cleanAbandoned(stagingLocation);
    } catch (IOException e) {
      LOG.warn("Could not tidy what earlier runs left: {}", e.toString());
    }
  }

  /** On the way out, success or failure: uncommitted files go, and the run's staging. */
  static void tidyOwn(RunPlan plan, PrintStream err) {
    try {
      int removed = PendingFiles.clean(plan.lake(), plan.runId());
      if (removed > 0) {
        err.println("ghlake: removed " + removed + " file(s) no manifest lists: uncommitted, or retired by this run's commits");
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("Could not remove this run's uncommitted files (the next run will): {}", e.toString());
    }
    try {
      StagingFolders.delete(plan.staging().root());
    } catch (IOException | RuntimeException e) {
      LOG.warn("Could not remove the staging folder {} (the next run will): {}",
          plan.staging().root(), e.toString());
    }
    LakeStorage.removeBeamTemp(plan.lake().rejected(plan.runId()));
  }
}
