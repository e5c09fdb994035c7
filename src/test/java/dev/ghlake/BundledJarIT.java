package dev.ghlake;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.ghlake.run.GhLakeOptions;
import dev.ghlake.testing.QuickJvm;
import dev.ghlake.testing.ServiceFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.junit.Test;

/**
 * The runnable jar `package` builds (what scripts/ghlake, Flink and EMR run) takes every option
 * the tables of the README and docs/ document. The jar registers fewer of Beam's options interfaces than the test
 * classpath does (Google Cloud's, Kinesis' and the portable runners' are left out to save start-up), so an option that
 * only a left-out interface declared would pass every unit test and still be refused here.
 */
public class BundledJarIT {
  private static final Path BASE = Path.of(System.getProperty("ghlake.basedir", "."));
  private static final Path JAR = Path.of(System.getProperty("ghlake.jar", "target/ghlake-0.1.0-SNAPSHOT-bundled.jar"));
  /** A row of an option table: its first cell names one or more options. */
  private static final Pattern TABLE_ROW = Pattern.compile("^\\| (`--\\w+`(?: / `--\\w+`)*) \\|");
  private static final Pattern OPTION = Pattern.compile("--(\\w+)");

  @Test(timeout = 120_000)
  public void everyOptionTheReadmeDocumentsIsOneTheJarTakes() throws Exception {
    assertTrue("the runnable jar is built by `package`: " + JAR, Files.isRegularFile(JAR));
    Set<String> documented = documentedOptions(BASE.resolve("README.md"));
    try (var docs = Files.list(BASE.resolve("docs"))) {
      for (Path doc : docs.filter(d -> d.toString().endsWith(".md")).toList()) {
        documented.addAll(documentedOptions(doc));
      }
    }
    assertTrue("the docs' option tables were found: " + documented, documented.size() > 30);
    Set<String> taken = helpedOptions("dev.ghlake.GhLake", "dev.ghlake.run.GhLakeOptions");
    taken.addAll(helpedOptions("dev.ghlake.backfill.Backfill", "dev.ghlake.backfill.BackfillOptions"));
    // docs/options.md lists every command's options (generated from them): the other commands'
    for (String other : List.of("dev.ghlake.report.ReportOptions", "dev.ghlake.compare.CompareOptions",
        "dev.ghlake.interactions.InteractionsOptions", "dev.ghlake.training.ExportOptions",
        "dev.ghlake.recommend.EvaluationOptions")) {
      taken.addAll(helpedOptions("dev.ghlake.GhLake", other));
    }
    Set<String> missing = new TreeSet<>(documented);
    missing.removeAll(taken);
    assertEquals("documented in README.md or docs/, unknown to " + JAR.getFileName(), Set.of(), missing);
  }

  /**
   * The jar registers only the options interfaces ghlake parses (fewer to validate at each start):
   * those ghlake's sources list and the Flink runner's, none of the other Beam jars'. It still
   * takes Beam's own options a user sets, on both runners.
   */
  @Test(timeout = 180_000)
  public void theJarRegistersWhatGhlakeParsesAndTakesBeamsOwnOptions() throws Exception {
    Set<String> expected = new TreeSet<>(ServiceFiles.ghlakeOptionsRegistrars(BASE));
    expected.add("org.apache.beam.runners.flink.FlinkRunnerRegistrar$Options");
    try (ZipFile jar = new ZipFile(JAR.toFile())) {
      assertEquals(expected, ServiceFiles.providers(jar.getInputStream(jar.getEntry(ServiceFiles.OPTIONS_REGISTRARS))));
    }
    Path archive = Files.createTempDirectory("ghlake-jar-archive");
    List<String> common = List.of("--input=" + archive, "--output=" + archive.resolve("lake"),
        "--from=2024-07-01T00", "--to=2024-07-01T01", "--dryRun", "--experiments=ghlake_test",
        "--resourceHints=min_ram=1GB");
    for (List<String> runner : List.of(List.of("--targetParallelism=2", "--enforceImmutability=false"),
        List.of("--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=1"))) {
      List<String> args = new ArrayList<>(common);
      args.addAll(runner);
      Run dry = runJar("dev.ghlake.GhLake", args);
      assertEquals(dry.output(), 0, dry.exit());
      assertTrue(dry.output(), dry.output().contains("dry run"));
    }
    Files.delete(archive); // empty still: a dry run writes nothing, not even the lake's folder
  }

  /** What a command of the jar printed, and its exit status. */
  private record Run(int exit, String output) {}

  private static Run runJar(String mainClass, List<String> args) throws Exception {
    Path out = Files.createTempFile("ghlake-run", ".txt");
    try {
      List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
      command.addAll(QuickJvm.FLAGS);
      command.addAll(List.of("-cp", JAR.toString(), mainClass));
      command.addAll(args);
      Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
      assertTrue(mainClass + " " + args + " finished", p.waitFor(120, TimeUnit.SECONDS));
      return new Run(p.exitValue(), Files.readString(out));
    } finally {
      Files.deleteIfExists(out);
    }
  }

  private static Set<String> documentedOptions(Path readme) throws IOException {
    Set<String> names = new TreeSet<>();
    for (String line : Files.readAllLines(readme, StandardCharsets.UTF_8)) {
      Matcher row = TABLE_ROW.matcher(line);
      if (row.find()) {
        Matcher option = OPTION.matcher(row.group(1));
        while (option.find()) {
          names.add(option.group(1));
        }
      }
    }
    return names;
  }

  /** The options Beam's --help lists for an interface: exactly those a command line may set. */
  private static Set<String> helpedOptions(String mainClass, String optionsInterface) throws Exception {
    Run help = runJar(mainClass, List.of("--help=" + optionsInterface));
    assertEquals(help.output(), 0, help.exit());
    Set<String> names = new TreeSet<>();
    Matcher option = Pattern.compile("(?m)^  --(\\w+)=").matcher(help.output());
    while (option.find()) {
      names.add(option.group(1));
    }
    return names;
  }
}
