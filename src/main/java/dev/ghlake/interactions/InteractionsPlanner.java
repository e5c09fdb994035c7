package dev.ghlake.interactions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ghlake.commit.PartitionManifest;
import dev.ghlake.model.LakePaths;
import dev.ghlake.model.PartitionBy;
import dev.ghlake.model.PartitionPath;
import dev.ghlake.storage.LakeFiles;
import dev.ghlake.storage.LakeLayout;
import dev.ghlake.storage.ParallelReads;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.beam.sdk.io.fs.MatchResult;

/**
 * Plans a run from the lake's events manifests: which days hold committed events, their files,
 * and which of them the table already holds from the same events (skipped unless rebuilt).
 */
public final class InteractionsPlanner {
  private static final ObjectMapper JSON = new ObjectMapper();

  private InteractionsPlanner() {}

  /** The days of [from, to) (either null: no bound) the run builds. */
  public static InteractionsPlan plan(String lake, LocalDate from, LocalDate to, boolean rebuild,
      String runId, String version, long botDailyInteractions, int filesPerDay, String staging) throws IOException {
    LakePaths root = LakePaths.of(lake);
    PartitionBy by = LakeLayout.of(root);
    if (by == null) {
      throw new IllegalArgumentException("no ghlake lake at " + lake + ": it holds no _lake.json "
          + "and no events manifests. --lake is the root a run's --output named");
    }
    TreeMap<String, List<String>> manifestsByDay = new TreeMap<>();
    String hour = by == PartitionBy.hour ? "hour=*/" : "";
    for (MatchResult.Metadata m : LakeFiles.match(root.partition("dt=*/") + hour + PartitionManifest.NAME)) {
      String path = m.resourceId().toString();
      LocalDate d = PartitionPath.dayOf(path);
      if (inWindow(d, from, to)) {
        manifestsByDay.computeIfAbsent(d.toString(), k -> new ArrayList<>()).add(path);
      }
    }
    Map<String, String> texts = read(manifestsByDay, root, rebuild);
    List<DayPlan> days = new ArrayList<>();
    List<String> upToDate = new ArrayList<>();
    for (var e : manifestsByDay.entrySet()) {
      DayPlan day = day(e.getKey(), e.getValue(), texts);
      if (day.events() == 0) {
        continue; // nothing committed that day: no table rows to make
      }
      if (!rebuild && day.sourceRuns().equals(builtFrom(texts.get(tableManifest(root, day.day()))))) {
        upToDate.add(day.day());
      } else {
        days.add(day);
      }
    }
    return new InteractionsPlan(lake, runId, version, List.copyOf(days), List.copyOf(upToDate), botDailyInteractions,
        filesPerDay, staging);
  }

  /**
   * Every manifest the plan needs, read at once (a request each on S3): the window's events
   * manifests and, unless rebuilding, the table's own of each day. A file gone since the listing
   * is absent from the map.
   */
  private static Map<String, String> read(Map<String, List<String>> manifestsByDay, LakePaths root, boolean rebuild)
      throws IOException {
    List<String> paths = new ArrayList<>();
    Set<String> tables = new HashSet<>(); // by path, not by its name: the lake's own root may hold "interactions"
    manifestsByDay.forEach((day, manifests) -> {
      paths.addAll(manifests);
      if (!rebuild) {
        tables.add(tableManifest(root, day));
      }
    });
    paths.addAll(tables);
    Map<String, String> texts = new HashMap<>();
    ParallelReads.all(paths, "ghlake-interactions-plan", p -> {
      String text = tables.contains(p) ? LakeFiles.readIfExists(p) : PartitionManifest.read(p);
      return text == null ? null : Map.entry(p, text);
    }).forEach(e -> texts.put(e.getKey(), e.getValue()));
    return texts;
  }

  private static String tableManifest(LakePaths root, String day) {
    return root.interactions() + "/dt=" + day + "/" + InteractionsManifest.NAME;
  }

  private static DayPlan day(String day, List<String> manifests, Map<String, String> texts) throws IOException {
    List<String> files = new ArrayList<>();
    TreeSet<String> runs = new TreeSet<>();
    long events = 0;
    boolean complete = true;
    for (String path : manifests) {
      String text = texts.get(path);
      if (text == null) {
        continue; // gone since the listing: a re-run of the events replaced the partition
      }
      String folder = path.substring(0, path.lastIndexOf('/') + 1);
      PartitionManifest.files(text).forEach(f -> files.add(folder + f.name()));
      JsonNode m = JSON.readTree(text);
      events += m.path("counts").path("written").asLong();
      runs.add(m.path("run_id").asText());
      complete &= PartitionManifest.isComplete(text);
    }
    return new DayPlan(day, List.copyOf(files), events, List.copyOf(runs), complete);
  }

  /**
   * The table's committed files of [from, to) (either null: no bound), as its manifests list them:
   * what readers of the table read, never a glob of its folders.
   */
  public static CommittedTable committedFiles(String lake, LocalDate from, LocalDate to) throws IOException {
    String root = LakePaths.of(lake).interactions() + "/";
    List<String> files = new ArrayList<>();
    long rows = 0;
    for (MatchResult.Metadata m : LakeFiles.match(root + "dt=*/" + InteractionsManifest.NAME)) {
      String path = m.resourceId().toString();
      String text = inWindow(PartitionPath.dayOf(path), from, to) ? LakeFiles.readIfExists(path) : null;
      if (text != null) { // outside the window: not read at all
        String folder = path.substring(0, path.lastIndexOf('/') + 1);
        JsonNode manifest = JSON.readTree(text);
        manifest.path("files").forEach(f -> files.add(folder + f.path("path").asText()));
        rows += manifest.path("counts").path("rows").asLong();
      }
    }
    return new CommittedTable(files, rows);
  }

  /** The table's committed files of a window, and the rows their manifests count. */
  public record CommittedTable(List<String> files, long rows) {}

  private static boolean inWindow(LocalDate d, LocalDate from, LocalDate to) {
    return (from == null || !d.isBefore(from)) && (to == null || d.isBefore(to));
  }

  /** The events runs a day of the table was built from; null when the table lacks the day. */
  static List<String> builtFrom(String tableManifest) throws IOException {
    if (tableManifest == null) {
      return null;
    }
    List<String> runs = new ArrayList<>();
    JSON.readTree(tableManifest).path("source_runs").forEach(r -> runs.add(r.asText()));
    return runs;
  }

}
