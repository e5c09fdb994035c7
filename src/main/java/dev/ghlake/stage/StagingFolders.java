package dev.ghlake.stage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ghlake.model.LakePaths;
import dev.ghlake.model.ProcessOwner;
import dev.ghlake.storage.LakeFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's staging folder, {@code <location>/run=<id>/}: made when the run starts (with a record of
 * the process that owns it), removed when it ends, on success and on failure. A run that was
 * killed leaves its folder; the next run on the machine removes it once its owner is gone.
 */
public final class StagingFolders {
  private static final Logger LOG = LoggerFactory.getLogger(StagingFolders.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String OWNER = "owner.json";
  /** A folder a tidier took (renamed) to delete it, and the record of that tidier inside it. */
  static final String TIDYING = "tidying=";
  static final String TIDIER = "tidier.json";
  /** How long a taken folder may lack its tidier's record before it counts as abandoned. */
  static final Duration UNCLAIMED = Duration.ofMinutes(10);

  private StagingFolders() {}

  /**
   * Where a job stages when --stagingLocation is not given: the JVM's temporary folder when every
   * worker is this process (the DirectRunner), else beside the job's output, which every worker
   * reaches.
   */
  public static String location(String given, boolean workersAreThisProcess, String output) {
    if (given != null && !given.isBlank()) {
      return given;
    }
    return workersAreThisProcess ? System.getProperty("java.io.tmpdir") + "/ghlake-staging"
        : LakePaths.of(output).staging();
  }

  /** The run's folder under a staging location. */
  public static String forRun(String location, String runId) {
    return LakePaths.trimmed(location) + "/run=" + runId;
  }

  /** Records the folder's owner (this process) so that a later run knows when it is abandoned. */
  public static void create(String folder) throws IOException {
    ProcessOwner me = ProcessOwner.current();
    LakeFiles.write(folder + "/" + OWNER, JSON.createObjectNode().put("host", me.host())
        .put("pid", me.pid()).put("started", me.started()).toString());
  }

  /** Removes a run's staging folder and everything in it. */
  public static void delete(String folder) throws IOException {
    if (!folder.contains("://")) {
      deleteLocal(Path.of(folder));
      return;
    }
    List<String> files = new ArrayList<>();
    for (MatchResult.Metadata m : LakeFiles.match(folder + "/**")) {
      files.add(m.resourceId().toString());
    }
    LakeFiles.delete(files);
  }

  /**
   * Removes the run folders under a local staging location whose owner process is gone, and the
   * folders a tidier took and did not finish (it was killed while deleting).
   */
  public static List<String> cleanAbandoned(String location) {
    List<String> removed = new ArrayList<>();
    Path root = Path.of(location);
    if (location.contains("://") || !Files.isDirectory(root)) {
      return removed;
    }
    try (Stream<Path> runs = Files.list(root)) {
      for (Path run : runs.filter(p -> p.getFileName().toString().startsWith("run=")
          || p.getFileName().toString().startsWith(TIDYING)).toList()) {
        Path claimed = isAbandoned(run) ? claim(run) : null;
        if (claimed != null) {
          deleteLocal(claimed);
          removed.add(run.toString());
          LOG.info("Removed the staging of a run that did not finish: {}", run);
        }
      }
    } catch (IOException e) {
      LOG.warn("Could not tidy old staging under {}: {}", location, e.toString());
    }
    return removed;
  }

  private static boolean isAbandoned(Path folder) throws IOException {
    boolean taken = folder.getFileName().toString().startsWith(TIDYING);
    try {
      if (taken && !Files.exists(folder.resolve(TIDIER))) {
        // a tidier writes its record right after it takes a folder: without one for a while, it died in between
        return Files.getLastModifiedTime(folder).toInstant().isBefore(Instant.now().minus(UNCLAIMED));
      }
      JsonNode o = JSON.readTree(Files.readString(folder.resolve(taken ? TIDIER : OWNER)));
      return new ProcessOwner(o.path("host").asText(), o.path("pid").asLong(), o.path("started").asText())
          .isDeadHere();
    } catch (NoSuchFileException e) {
      return false; // being created right now, taken or finished by another tidier, or not ours
    }
  }

  /**
   * Takes an abandoned folder for this tidier alone: builders start together and all tidy the same
   * root, so each renames a folder away before deleting it, and only one rename can win (an atomic
   * move on a local file system). Null when another tidier was first.
   */
  private static Path claim(Path run) throws IOException {
    Path claimed = run.resolveSibling(TIDYING + UUID.randomUUID());
    try {
      Files.move(run, claimed, StandardCopyOption.ATOMIC_MOVE);
    } catch (NoSuchFileException e) {
      return null;
    }
    ProcessOwner me = ProcessOwner.current();
    try {
      // a move keeps a folder's time: set it, so the folder reads as just taken until the record is there
      Files.setLastModifiedTime(claimed, FileTime.from(Instant.now()));
      Files.writeString(claimed.resolve(TIDIER), JSON.createObjectNode().put("host", me.host())
          .put("pid", me.pid()).put("started", me.started()).toString());
    } catch (NoSuchFileException e) {
      return null; // another tidier took it from under this one: it deletes it
    }
    return claimed;
  }

  /** Deletes a folder; a tidier's record last, so that a tidier killed part-way is known by it. */
  private static void deleteLocal(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    Path tidier = folder.resolve(TIDIER);
    try (Stream<Path> all = Files.walk(folder)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        if (!p.equals(tidier) && !p.equals(folder)) {
          Files.deleteIfExists(p);
        }
      }
    }
    Files.deleteIfExists(tidier);
    Files.deleteIfExists(folder);
  }
}
