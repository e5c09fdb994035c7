package dev.ghlake.storage;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Deleting named files on a local disk: exactly those named, however many are already gone. */
public class LakeFilesTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void aNameIsDeletedAsWrittenNeverMatchedAsAPattern() throws Exception {
    Path folder = tmp.newFolder("hour=00").toPath();
    Path neighbour = Files.writeString(folder.resolve("ab.parquet"), "rows of another run");
    Path other = Files.writeString(folder.resolve("a1.parquet"), "and of one more");

    // absent names that are also globs: Beam's delete matched them and took what they matched
    LakeFiles.delete(List.of(folder + "/a?.parquet", folder + "/a[1].parquet"));

    assertTrue(Files.exists(neighbour));
    assertTrue(Files.exists(other));
  }

  @Test
  public void anAbsentNameIsNotReadAsAPattern() throws Exception {
    Path folder = tmp.newFolder("hour=03").toPath();
    Files.writeString(folder.resolve("_manifest1.json"), "another lake's manifest");

    assertEquals(null, LakeFiles.readIfExists(folder + "/_manifest[1].json"));
    assertEquals(null, LakeFiles.readIfExists(folder + "/_manifest?.json"));
    assertEquals("another lake's manifest", LakeFiles.readIfExists(folder + "/_manifest1.json"));
  }

  @Test
  public void presentFilesGoAndAbsentOnesAreFine() throws Exception {
    Path folder = tmp.newFolder("hour=01").toPath();
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      Path f = Files.writeString(folder.resolve("f" + i + ".parquet"), "rows");
      paths.add(f.toString());
      paths.add(folder.resolve(WholeFile.writingName("f" + i + ".parquet")).toString()); // moved away
    }
    Path kept = Files.writeString(folder.resolve("kept.parquet"), "rows");

    LakeFiles.delete(paths);

    try (var left = Files.list(folder)) {
      assertEquals(List.of(kept), left.toList());
    }
  }

  @Test
  public void aFolderThatIsAFileHoldsNothingToDelete() throws Exception {
    Path notAFolder = Files.writeString(tmp.getRoot().toPath().resolve("hour=02"), "not a folder");

    LakeFiles.delete(List.of(notAFolder + "/f.parquet")); // no "Not a directory" failure

    assertTrue(Files.isRegularFile(notAFolder));
  }
}
