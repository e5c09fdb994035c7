package dev.ghlake.commit;

import dev.ghlake.model.HourWindow;
import dev.ghlake.model.LakePaths;
import dev.ghlake.model.PartitionBy;
import dev.ghlake.model.PartitionPath;
import dev.ghlake.storage.LakeFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.io.fs.MatchResult;

/**
 * What the lake holds complete: a partition is complete when its manifest exists and says so
 * (every hour of it was read whole). Read from the manifests, one listing per day, so a
 * scheduled load can catch up on what is missing and a backfill can skip what is done.
 */
public final class LakeCompleteness {
  /** Where a manifest's partition starts in its path (the lake's own root may hold "/events/"). */
  private static final String EVENTS = "/" + LakePaths.EVENTS + "/";

  private LakeCompleteness() {}

  /** The partitions of a window the lake does not hold complete, in order. */
  public static List<String> incomplete(LakePaths lake, HourWindow window, PartitionBy by) throws IOException {
    Set<String> days = new LinkedHashSet<>();
    window.hours().forEach(h -> days.add(h.toLocalDate().toString()));
    Set<String> complete = new HashSet<>();
    for (String day : days) {
      String glob = lake.partition("dt=" + day) + (by == PartitionBy.hour ? "/hour=*" : "") + "/" + PartitionManifest.NAME;
      for (MatchResult.Metadata m : LakeFiles.match(glob)) {
        String manifest = PartitionManifest.read(m.resourceId().toString());
        if (manifest != null && PartitionManifest.isComplete(manifest)) {
          String path = m.resourceId().toString();
          complete.add(path.substring(path.lastIndexOf(EVENTS) + EVENTS.length(), path.lastIndexOf('/')));
        }
      }
    }
    List<String> out = new ArrayList<>();
    for (String p : PartitionPath.inWindow(window, by)) {
      if (!complete.contains(p)) {
        out.add(p);
      }
    }
    return out;
  }

  /** Whether every partition of the window is complete in the lake. */
  public static boolean isComplete(LakePaths lake, HourWindow window, PartitionBy by) throws IOException {
    return incomplete(lake, window, by).isEmpty();
  }
}
