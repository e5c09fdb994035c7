package dev.ghlake.commit;

import static org.junit.Assert.assertEquals;

import dev.ghlake.model.LakePaths;
import java.nio.file.Path;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A run's start record holds its staging folder as the next run reads it back to remove what a
 * dead run staged: whatever the path holds (quotes, backslashes, control characters), it must
 * come back as it went in (issue 25: it was JSON made by string concatenation, quotes stripped).
 */
public class PendingFilesTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void theStartRecordGivesBackTheStagingFolderAsItWasGiven() throws Exception {
    LakePaths lake = LakePaths.of(tmp.newFolder("lake").toString());
    String staging = Path.of(tmp.getRoot().toString(), "st\"ag\\ing\tfolder\nx").toString();
    PendingFiles.start(lake, "20261204T000000Z-abcd", staging);
    assertEquals(staging, PendingFiles.started(lake, "20261204T000000Z-abcd").path("staging").asText());
    assertEquals("20261204T000000Z-abcd",
        PendingFiles.started(lake, "20261204T000000Z-abcd").path("run_id").asText());
  }
}
