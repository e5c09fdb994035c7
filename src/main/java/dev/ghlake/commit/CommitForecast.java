package dev.ghlake.commit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the commit would do to each partition of a run's windows, as far as it can be told before
 * anything is read ({@code --dryRun}): written new, replaced, or kept as the lake has it. The
 * rules are the commit's own ({@link CommitPartitionFn#whyKeep}) applied to what planning knows:
 * the hour files already known missing and the lake's manifests. What only reading can tell (a
 * broken file, a much smaller version) is left to the run, and said so.
 */
public final class CommitForecast {
  private CommitForecast() {}

  /** What happens to a partition. */
  public enum Action {
    WRITE,
    REPLACE,
    KEEP
  }

  /**
   * @param lake what the lake holds now ({@code "nothing"}, or its rows and state)
   * @param why the reasons behind the action, first first (the gaps of an incomplete version)
   */
  public record Partition(String partition, Action action, String lake, List<String> why) {
    public String line() {
      String verb = switch (action) {
        case WRITE -> "write";
        case REPLACE -> "replace";
        case KEEP -> "keep";
      };
      return String.format("%-24s %-8s lake: %s%s", partition, verb, lake,
          why.isEmpty() ? "" : "; " + String.join("; ", why));
    }
  }

  /**
   * @param missingHours each partition's hours whose archive files are known missing (absent
   *     partitions have none)
   */
  public static List<Partition> of(CommitSpec spec, Map<String, List<String>> missingHours)
      throws IOException {
    List<Partition> out = new ArrayList<>();
    for (String partition : spec.windowPartitions()) {
      List<String> gaps = missingHours.getOrDefault(partition, List.of()).stream()
          .map(h -> "the archive file of hour " + h + " is missing").toList();
      String previous = PartitionManifest.read(spec.folder(partition) + "/" + PartitionManifest.NAME);
      out.add(forecast(spec, partition, gaps, previous));
    }
    return out;
  }

  private static Partition forecast(CommitSpec spec, String partition, List<String> gaps, String previous) {
    if (previous == null) {
      List<String> why = gaps.isEmpty() ? List.of() : withFirst("incomplete", gaps);
      return new Partition(partition, Action.WRITE, "nothing", why);
    }
    String lake = String.format("%,d rows, %s, run %s", PartitionManifest.rows(previous),
        PartitionManifest.isComplete(previous) ? "complete" : "incomplete",
        PartitionManifest.runId(previous).isEmpty() ? "?" : PartitionManifest.runId(previous));
    if (!gaps.isEmpty() && !spec.replaceIncomplete()) {
      return new Partition(partition, Action.KEEP, lake, gaps);
    }
    String other = spec.filterGuard().refuse(previous, spec.optionsJson());
    if (other != null) {
      return new Partition(partition, Action.KEEP, lake, List.of(other));
    }
    return new Partition(partition, Action.REPLACE, lake, gaps.isEmpty() ? List.of()
        : withFirst("incomplete (--replaceIncomplete)", gaps));
  }

  private static List<String> withFirst(String first, List<String> rest) {
    List<String> out = new ArrayList<>();
    out.add(first);
    out.addAll(rest);
    return out;
  }
}
