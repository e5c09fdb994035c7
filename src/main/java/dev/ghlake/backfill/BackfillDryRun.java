package dev.ghlake.backfill;

import dev.ghlake.commit.LakeCompleteness;
import dev.ghlake.model.HourWindow;
import dev.ghlake.model.LakePaths;
import dev.ghlake.model.PartitionBy;
import dev.ghlake.model.PartitionPath;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ghlake backfill --dryRun}: the backfill's plan said instead of run. Which units the
 * lake holds complete (kept, skipped), which would run in which job, and for each how many of its
 * partitions the lake does not hold complete (written or replaced). Only the lake's manifests are
 * read; the archive is not listed (a run's {@code --dryRun} over one unit shows its files).
 */
final class BackfillDryRun {
  /** Unit lines shown before the rest is counted. */
  static final int SHOWN = 48;

  private BackfillDryRun() {}

  static void print(HourWindow range, BackfillUnit unit, BackfillPlan plan, boolean force, String output,
      PartitionBy by, PrintStream out) throws IOException {
    out.println("ghlake backfill dry run: nothing is read but the lake's manifests, nothing is written");
    out.printf("  range       %s in %,d unit(s) of a %s, lake %s (partitions by %s)%n", range,
        plan.units().size(), unit, output, by);
    out.printf("  keep        %,d unit(s) the lake holds complete%s%n", plan.complete().size(),
        force ? "" : " (skipped; --force runs them)");
    out.printf("  run         %,d unit(s) in %,d job(s), oldest first%n", plan.toRun(), plan.jobs().size());
    List<String> lines = new ArrayList<>();
    for (int j = 0; j < plan.jobs().size(); j++) {
      for (HourWindow w : plan.jobs().get(j)) {
        int partitions = PartitionPath.inWindow(w, by).size();
        int notComplete = LakeCompleteness.incomplete(LakePaths.of(output), w, by).size();
        lines.add(String.format("job %d  %s  %d partition(s): %d written or replaced, %d replaced complete",
            j + 1, w, partitions, notComplete, partitions - notComplete));
      }
    }
    lines.stream().limit(SHOWN).forEach(l -> out.println("              " + l));
    if (lines.size() > SHOWN) {
      out.printf("              … and %,d more%n", lines.size() - SHOWN);
    }
    out.flush();
  }
}
