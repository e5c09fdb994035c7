package dev.ghlake.source;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ArchiveInputTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  private static SourceOptions options(String... args) {
    return PipelineOptionsFactory.fromArgs(args).as(SourceOptions.class);
  }

  @Test
  public void aFolderWithAWindowListsTheHourFiles() throws Exception {
    String dir = tmp.getRoot().getPath();
    ArchiveInput in = ArchiveInput.from(options("--input=" + dir, "--from=2024-07-01T23", "--to=2024-07-02T01"));
    assertTrue(in.isWindow());
    assertEquals(java.util.List.of(dir + "/2024-07-01-23.json.gz", dir + "/2024-07-02-0.json.gz"),
        in.hourFiles());
  }

  @Test
  public void aFolderWithoutAWindowReadsEveryArchiveFile() {
    ArchiveInput in = ArchiveInput.from(options("--input=" + tmp.getRoot().getPath()));
    assertFalse(in.isWindow());
    assertEquals(tmp.getRoot().getPath() + "/*.json.gz", in.pattern());
  }

  @Test
  public void aGlobIsReadAsGiven() {
    ArchiveInput in = ArchiveInput.from(options("--input=/data/2024-07-0*.json.gz"));
    assertEquals("/data/2024-07-0*.json.gz", in.pattern());
  }

  @Test
  public void mistakesFailWithAMessageThatSaysWhatToChange() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ArchiveInput.from(options()))
        .getMessage().contains("--input is required"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> ArchiveInput.from(options("--input=/data/*.json.gz", "--from=2024-07-01")))
        .getMessage().contains("is not a folder"));
  }
}
