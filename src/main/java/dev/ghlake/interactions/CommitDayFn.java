package dev.ghlake.interactions;

import dev.ghlake.storage.LakeFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.values.KV;

/**
 * Commits a day when the run can vouch for it: every event its manifests hold was read and
 * counted under one heading. Then its manifest names the run's files (the commit point), and the
 * files of earlier builds are removed. A day that does not add up keeps the table's version; the
 * run's own files of it are removed instead. Either way the verdict is recorded.
 */
class CommitDayFn extends DoFn<KV<String, CoGbkResult>, DayVerdict> {
  private final InteractionsPlan plan;

  CommitDayFn(InteractionsPlan plan) {
    this.plan = plan;
  }

  @ProcessElement
  public void process(@Element KV<String, CoGbkResult> joined, OutputReceiver<DayVerdict> out) throws IOException {
    DayPlan day = plan.day(joined.getKey());
    TreeSet<String> sorted = new TreeSet<>();
    joined.getValue().getAll(CommitDays.FILES).forEach(sorted::add);
    List<String> files = List.copyOf(sorted);
    Map<String, Long> counts = DayCounts.toMap(joined.getValue().getAll(CommitDays.COUNTS));
    long read = sum(counts, ClassifyFn.HEADINGS::contains);
    long byKind = sum(counts, name -> name.startsWith(DayCounts.KIND));
    long rows = counts.getOrDefault(DayCounts.ROWS, 0L);
    String folder = plan.dayFolder(day.day());
    List<String> names = files.stream().map(f -> f.substring(f.lastIndexOf('/') + 1)).toList();
    DayVerdict verdict;
    String refused = read != day.events()
        ? "read " + read + " events, the day's manifests hold " + day.events()
        : byKind != counts.getOrDefault(ClassifyFn.INTERACTION, 0L)
            ? "the rows hold " + byKind + " events, " + counts.getOrDefault(ClassifyFn.INTERACTION, 0L)
                + " were interactions" : null;
    if (refused != null) {
      LakeFiles.delete(files);
      verdict = new DayVerdict(day.day(), false, read, rows, refused + ": the table keeps its version of the day");
    } else {
      LakeFiles.replace(folder + InteractionsManifest.NAME,
          InteractionsManifest.of(plan, day, names, counts), plan.runId());
      removeReplaced(folder, names);
      verdict = new DayVerdict(day.day(), true, read, rows, null);
    }
    LakeFiles.write(plan.runFolder() + day.day() + ".json", verdict.toJson());
    out.output(verdict);
  }

  /** The day's Parquet files the new manifest does not list: earlier builds'. */
  private static void removeReplaced(String folder, List<String> kept) throws IOException {
    List<String> old = new ArrayList<>();
    for (MatchResult.Metadata m : LakeFiles.match(folder + "*.parquet")) {
      String path = m.resourceId().toString();
      if (!kept.contains(path.substring(path.lastIndexOf('/') + 1))) {
        old.add(path);
      }
    }
    LakeFiles.delete(old);
  }

  private static long sum(Map<String, Long> counts, java.util.function.Predicate<String> names) {
    return counts.entrySet().stream().filter(e -> names.test(e.getKey())).mapToLong(Map.Entry::getValue).sum();
  }
}
