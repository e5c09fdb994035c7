package dev.ghlake;

import dev.ghlake.cli.CommandLine;
import dev.ghlake.model.LakePaths;
import dev.ghlake.model.PartitionBy;
import dev.ghlake.run.GhLakeOptions;
import dev.ghlake.run.LakeRun;
import dev.ghlake.source.synthetic.SyntheticPlan;
import dev.ghlake.summary.RunSummary;
import dev.ghlake.table.TablePlan;
import dev.ghlake.testing.TestArchives;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.rules.TemporaryFolder;

/**
 * Three synthetic hours of 2024-07-01 (1,500 events) and a lake for them: the setting of the
 * tests of what a lake keeps when its source or its own records go wrong. Runs are made in this
 * JVM through the same {@link LakeRun} the command line uses.
 */
final class ThreeHourLake {
  final Path archive;
  final Path lake;
  private GhLakeOptions lastOptions;

  ThreeHourLake(TemporaryFolder tmp) throws IOException {
    archive = tmp.newFolder("archive").toPath();
    TestArchives.write(archive, new SyntheticPlan(1_500, 3, "2024-07-01T00"), 5);
    lake = tmp.newFolder("lake").toPath();
  }

  /** A run up to 2024-07-01T03 from {@code from}, without lateness margins. */
  RunSummary run(String input, String from, String... extra) {
    List<String> args = new ArrayList<>(List.of("--input=" + input, "--output=" + lake, from,
        "--to=2024-07-01T03", "--latenessHours=0", "--progressSeconds=0"));
    args.addAll(List.of(extra));
    lastOptions = CommandLine.options(args.toArray(new String[0]));
    PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    return new LakeRun(lastOptions, out, out).execute();
  }

  /** The lake's table as a run with these options plans it (hour partitions). */
  TablePlan tablePlan(String... extra) {
    List<String> args = new ArrayList<>(List.of("--output=" + lake));
    args.addAll(List.of(extra));
    GhLakeOptions o = CommandLine.options(args.toArray(new String[0]));
    return TablePlan.of(o, LakePaths.of(o.getOutput()), PartitionBy.hour);
  }

  /** The exit code the command line gives the last run's summary. */
  int exitCode(RunSummary s) {
    return CommandLine.exitCode(s.status(), s.notifyError(), lastOptions);
  }
}
