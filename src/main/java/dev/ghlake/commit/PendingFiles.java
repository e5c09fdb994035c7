package dev.ghlake.commit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ghlake.model.LakePaths;
import dev.ghlake.storage.LakeFiles;
import dev.ghlake.storage.WholeFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lake's record of data files written but not yet committed: before a partition's files are
 * written, a mark under {@code <lake>/_pending/<run>/} names them; the run removes its marks when
 * it ends. A run that died leaves its marks, and the next run uses them to delete the files no
 * manifest took, so a reader that globs the lake never sees a dead run's files for long.
 */
public final class PendingFiles {
  private static final Logger LOG = LoggerFactory.getLogger(PendingFiles.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private PendingFiles() {}

  /** A run's marks folder. */
  public static String root(LakePaths lake, String runId) {
    return lake.pending(runId);
  }

  /** Marks the files a run is about to write into a partition. */
  public static void mark(String pendingRoot, String partition, List<String> files) throws IOException {
    write(pendingRoot, partition, ".json", files);
  }

  /**
   * Marks the lake's files a commit is about to retire. Written before the commit point: if the
   * run dies after it, the files stay listed by no manifest, and the next run deletes them.
   */
  static void markRetired(String pendingRoot, String partition, List<String> files) throws IOException {
    if (!files.isEmpty()) {
      write(pendingRoot, partition, ".retired.json", files);
    }
  }

  private static void write(String pendingRoot, String partition, String suffix, List<String> files)
      throws IOException {
    ObjectNode m = JSON.createObjectNode().put("partition", partition);
    files.forEach(m.putArray("files")::add);
    LakeFiles.write(pendingRoot + "/" + partition.replace('/', '~') + suffix, m.toString());
  }

  /**
   * Records that a run started and where it stages (so even a run that died before writing a
   * file is known, and its staging found); JSON by Jackson, whatever the paths hold.
   */
  public static void start(LakePaths lake, String runId, String staging) throws IOException {
    LakeFiles.write(root(lake, runId) + "/run.json",
        JSON.createObjectNode().put("run_id", runId).put("staging", staging).toString());
  }

  /** The runs that have marks in the lake, oldest first (run ids sort by start time). */
  public static Set<String> runs(LakePaths lake) throws IOException {
    Set<String> runs = new TreeSet<>();
    for (MatchResult.Metadata m : LakeFiles.match(lake.pending() + "/*/*.json")) {
      String path = m.resourceId().toString();
      String folder = path.substring(0, path.lastIndexOf('/'));
      runs.add(folder.substring(folder.lastIndexOf('/') + 1));
    }
    return runs;
  }

  /** What a run recorded when it started, or null. */
  public static JsonNode started(LakePaths lake, String runId) throws IOException {
    String text = LakeFiles.readIfExists(root(lake, runId) + "/run.json");
    try {
      return text == null ? null : JSON.readTree(text);
    } catch (JsonProcessingException e) { // its staging is then left to the staging clean-up
      LOG.warn("The start record of run {} is unreadable: {}", runId, e.getOriginalMessage());
      return null;
    }
  }

  /**
   * Deletes the files a run marked and no manifest lists, then its marks. For a run that died,
   * or for a run on its way out after a failure. Returns how many files were deleted.
   */
  public static int clean(LakePaths lake, String runId) throws IOException {
    int deleted = 0;
    List<String> marks = new ArrayList<>();
    for (MatchResult.Metadata m : LakeFiles.match(root(lake, runId) + "/*.json")) {
      String mark = m.resourceId().toString();
      marks.add(mark);
      if (mark.endsWith("/run.json")) {
        continue;
      }
      JsonNode node = mark(mark);
      if (node == null) { // which files it listed is unknown: report it, delete nothing for it
        LOG.warn("The pending mark {} is unreadable (not a mark ghlake wrote): removed; files it may "
            + "have listed stay in the lake", mark);
        continue;
      }
      String folder = lake.partition(node.get("partition").asText());
      String manifest = PartitionManifest.read(folder + "/" + PartitionManifest.NAME);
      Set<String> listed = new HashSet<>(manifest == null ? List.of() : PartitionManifest.fileNames(manifest));
      List<String> stale = new ArrayList<>();
      node.path("files").forEach(f -> {
        if (!listed.contains(f.asText())) {
          stale.add(f.asText());
        }
      });
      List<String> paths = new ArrayList<>();
      stale.forEach(name -> paths.addAll(List.of(folder + "/" + name,
          folder + "/" + WholeFile.writingName(name)))); // or killed while it was written
      LakeFiles.delete(paths);
      deleted += stale.size();
    }
    LakeFiles.delete(marks);
    LakeFiles.removeEmptyFolder(root(lake, runId));
    return deleted;
  }

  /** A pending mark, or null when it is not one (unreadable, or without its partition). */
  private static JsonNode mark(String path) throws IOException {
    String text = LakeFiles.readIfExists(path);
    try {
      JsonNode node = text == null ? null : JSON.readTree(text);
      return node != null && node.path("partition").isTextual() && node.path("files").isArray() ? node : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }
}
