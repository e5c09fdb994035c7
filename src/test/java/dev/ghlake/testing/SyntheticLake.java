package dev.ghlake.testing;

import static org.junit.Assert.assertEquals;

import dev.ghlake.GhLake;
import dev.ghlake.cli.CommandLine;
import dev.ghlake.run.GhLakeOptions;
import dev.ghlake.source.synthetic.SyntheticPlan;
import dev.ghlake.summary.RunSummary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.rules.TemporaryFolder;

/**
 * A synthetic archive, and lakes loaded from it in this JVM through the command line's own run:
 * the setting of tests that need a lake to read.
 */
public final class SyntheticLake {
  private SyntheticLake() {}

  /** Hour files of the plan's events in a new folder. */
  public static Path archive(TemporaryFolder tmp, SyntheticPlan plan, long seed) throws IOException {
    Path archive = tmp.newFolder("archive").toPath();
    TestArchives.write(archive, plan, seed);
    return archive;
  }

  /** Loads [from, to) of the archive into the lake without lateness margins; the run must succeed. */
  public static RunSummary load(Path archive, String lake, String from, String to, String... extra) {
    List<String> args = new ArrayList<>(List.of("--input=" + archive, "--output=" + lake, "--from=" + from,
        "--to=" + to, "--latenessHours=0", "--progressSeconds=0"));
    args.addAll(List.of(extra));
    RunSummary run = GhLake.run(CommandLine.options(args.toArray(new String[0])));
    assertEquals(run.failures().toString(), RunSummary.Status.success, run.status());
    return run;
  }
}
