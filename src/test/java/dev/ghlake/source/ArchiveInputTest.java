package dev.ghlake.source;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
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
  public void aFolderWithAWindowReadsItsHoursAndTheLatenessMargin() {
    String dir = tmp.getRoot().getPath();
    ArchiveInput in = ArchiveInput.from(options("--input=" + dir, "--from=2024-07-01T23",
        "--to=2024-07-02T01", "--latenessHours=2"));
    assertTrue(in.isWindow());
    assertEquals(List.of(dir + "/2024-07-01-23.json.gz", dir + "/2024-07-02-0.json.gz",
        dir + "/2024-07-02-1.json.gz", dir + "/2024-07-02-2.json.gz"), in.hourFiles());
    assertEquals(List.of(dir + "/2024-07-02-1.json.gz", dir + "/2024-07-02-2.json.gz"),
        in.marginFiles());
  }

  @Test
  public void beforeTwoThousandFifteenFilesAreNamedInPacificTime() {
    // UTC 08:00-10:00 on 2013-02-15 is 00:00-02:00 Pacific: those files are the window's own
    String dir = tmp.getRoot().getPath();
    ArchiveInput in = ArchiveInput.from(options("--input=" + dir, "--from=2013-02-15T08",
        "--to=2013-02-15T10", "--latenessHours=1"));
    List<String> own = new java.util.ArrayList<>(in.hourFiles());
    own.removeAll(in.marginFiles());
    assertEquals(List.of(dir + "/2013-02-15-0.json.gz", dir + "/2013-02-15-1.json.gz",
        dir + "/2013-02-15-2.json.gz"), own);
    assertEquals(dir + "/2013-02-15-0.json.gz", in.hourFiles().get(0));
    assertEquals(dir + "/2013-02-15-10.json.gz", in.hourFiles().get(in.hourFiles().size() - 1));
  }

  @Test
  public void aFolderWithoutAWindowReadsEveryArchiveFile() {
    ArchiveInput in = ArchiveInput.from(options("--input=" + tmp.getRoot().getPath()));
    assertFalse(in.isWindow());
    assertEquals(tmp.getRoot().getPath() + "/*.json.gz", in.pattern());
  }

  @Test
  public void theDefaultIsGhArchivesServerForAWindow() {
    ArchiveInput in = ArchiveInput.from(options("--from=2024-07-01T08", "--latenessHours=0"));
    assertTrue(in.isHttp());
    assertEquals(List.of("https://data.gharchive.org/2024-07-01-8.json.gz"), in.hourFiles());
  }

  @Test
  public void aGlobIsReadAsGiven() {
    ArchiveInput in = ArchiveInput.from(options("--input=/data/2024-07-0*.json.gz"));
    assertEquals("/data/2024-07-0*.json.gz", in.pattern());
  }

  @Test
  public void mistakesFailWithAMessageThatSaysWhatToChange() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ArchiveInput.from(options()))
        .getMessage().contains("https://data.gharchive.org/ is a web server, which cannot be listed: give --from/--to"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> ArchiveInput.from(options("--input=https://x.org/*.json.gz", "--from=2024-07-01"))).getMessage()
        .contains("cannot be listed"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> ArchiveInput.from(options("--input=/data/", "--latenessHours=-1")))
        .getMessage().contains("--latenessHours"));
  }

  @Test
  public void aGlobWithAWindowReadsExactlyTheGlobsFiles() {
    ArchiveInput in = ArchiveInput.from(options("--input=/data/*.json.gz", "--from=2024-07-01"));
    assertFalse(in.isWindow());
    assertEquals("/data/*.json.gz", in.pattern());
  }
}
