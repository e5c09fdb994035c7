package dev.ghlake.commit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.ghlake.storage.LakeRecordException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** A manifest read as a record: what older manifests lack reads as empty, what is wrong is refused. */
public class PartitionManifestTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  private String write(String json) throws Exception {
    Path p = tmp.getRoot().toPath().resolve("_manifest.json");
    Files.writeString(p, json);
    return p.toString();
  }

  /** A manifest of the first layout (files and counts, no status, options or profile). */
  @Test
  public void anEarlyManifestReadsWithEverythingItLacksEmpty() throws Exception {
    String text = PartitionManifest.read(write("{\"partition\": \"dt=2024-07-01/hour=00\", "
        + "\"counts\": {\"written\": 7, \"by_type\": {\"PushEvent\": 7}}, "
        + "\"files\": [{\"path\": \"part-0.parquet\", \"rows\": 7, \"bytes\": 900}], \"unknown_later\": 1}"));
    assertTrue(PartitionManifest.isComplete(text));
    assertEquals(7, PartitionManifest.rows(text));
    assertEquals(Map.of("PushEvent", 7L), PartitionManifest.byType(text));
    assertEquals(List.of(new PartitionManifest.ListedFile("part-0.parquet", 7, 900)), PartitionManifest.files(text));
    assertTrue(PartitionManifest.options(text).isMissingNode());
    assertEquals("", PartitionManifest.runId(text));
  }

  @Test
  public void anIncompleteOrGappedPartitionIsNotComplete() throws Exception {
    assertFalse(PartitionManifest.isComplete(PartitionManifest.read(write("{\"status\": \"incomplete\", \"files\": []}"))));
    assertFalse(PartitionManifest.isComplete(PartitionManifest.read(write("{\"files\": [], \"missing_hours\": [\"03\"]}"))));
  }

  /**
   * A field of the wrong kind is refused naming the file: before, a row count of "many" read as
   * 0 rows (which the shrink guard then compared against) and a file list that was a string as
   * no list at all.
   */
  @Test
  public void aFieldOfTheWrongKindIsRefusedNamingTheFile() throws Exception {
    String rows = write("{\"files\": [{\"path\": \"a.parquet\", \"rows\": \"many\"}]}");
    LakeRecordException e = assertThrows(LakeRecordException.class, () -> PartitionManifest.read(rows));
    assertTrue(e.getMessage(), e.getMessage().contains(rows) && e.getMessage().contains("not a manifest"));
    String notJson = write("{\"files\": [");
    e = assertThrows(LakeRecordException.class, () -> PartitionManifest.read(notJson));
    assertTrue(e.getMessage(), e.getMessage().contains("not JSON"));
    String noFiles = write("{\"partition\": \"dt=2024-07-01/hour=00\"}");
    e = assertThrows(LakeRecordException.class, () -> PartitionManifest.read(noFiles));
    assertTrue(e.getMessage(), e.getMessage().contains("no list of files"));
  }
}
