package dev.ghlake.sink.sort;

import dev.ghlake.stage.StagingFolders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The local folders file builders spill sorted runs into: one per builder, its owner process
 * recorded, removed when the builder is done. A process that was killed (a Lambda invocation
 * timed out, a worker lost) cannot remove its own; the next builder on the machine removes every
 * folder whose owner is gone, so a warm Lambda's {@code /tmp} does not fill up run after run.
 */
public final class SpillFolders {
  private SpillFolders() {}

  /** Where this JVM's builders spill: its temporary folder (named in a failure's report too). */
  public static Path root() {
    return Path.of(System.getProperty("java.io.tmpdir"), "ghlake-sort");
  }

  /** A new folder under {@code root} for one builder of the run, after tidying abandoned ones. */
  public static Path create(Path root, String runId) throws IOException {
    StagingFolders.cleanAbandoned(root.toString());
    Path folder = root.resolve("run=" + runId + "-" + UUID.randomUUID().toString().substring(0, 8));
    Files.createDirectories(folder);
    StagingFolders.create(folder.toString());
    return folder;
  }

  public static void delete(Path folder) throws IOException {
    StagingFolders.delete(folder.toString());
  }
}
