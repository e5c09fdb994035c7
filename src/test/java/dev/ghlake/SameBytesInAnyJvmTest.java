package dev.ghlake;

import static org.junit.Assert.assertEquals;

import dev.ghlake.cli.CommandLine;
import dev.ghlake.run.GhLakeOptions;
import dev.ghlake.source.synthetic.SyntheticPlan;
import dev.ghlake.summary.RunSummary;
import dev.ghlake.testing.GhLakeProcess;
import dev.ghlake.testing.LakeBytes;
import dev.ghlake.testing.TestArchives;
import java.nio.file.Path;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * A window loaded by another process gives the same files, byte for byte, footers included: a
 * re-run (tomorrow's Lambda, a backfill) never rewrites a partition into different bytes. Before
 * the footer was made canonical, parquet-mr listed a column chunk's encodings in an order that
 * followed the JVM's identity hash codes, so the footers of two processes differed.
 */
public class SameBytesInAnyJvmTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  @Test(timeout = 300_000)
  public void aRunInAnotherJvmWritesTheSameFiles() throws Exception {
    Path archive = tmp.newFolder("archive").toPath();
    TestArchives.write(archive, new SyntheticPlan(30_000, 2, "2024-07-01T00"), 5);
    String here = tmp.newFolder("here").getPath();
    String there = tmp.newFolder("there").getPath();

    RunSummary first = GhLake.run(CommandLine.options(window(archive, here)));
    assertEquals(RunSummary.Status.success, first.status());
    GhLakeProcess other = GhLakeProcess.start(tmp.getRoot().toPath().resolve("other.log"), List.of(),
        window(archive, there));
    assertEquals(other.output(), 0, other.waitFor(240));

    LakeBytes.assertSameLake(here, there);
  }

  private static String[] window(Path archive, String lake) {
    return new String[] {"--input=" + archive, "--output=" + lake, "--latenessHours=0",
        "--from=2024-07-01T00", "--to=2024-07-01T02", "--progressSeconds=0"};
  }
}
