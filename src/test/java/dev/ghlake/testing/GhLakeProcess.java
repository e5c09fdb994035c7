package dev.ghlake.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * ghlake's command line in a JVM of its own, as a user starts it: to kill it mid-run, to run two
 * at once, or to give it a small heap. Its output goes to a log file.
 */
public final class GhLakeProcess {
  private final Process process;
  private final Path log;

  private GhLakeProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** Starts {@code dev.ghlake.GhLake} with the JVM flags and arguments given. */
  public static GhLakeProcess start(Path log, List<String> jvmFlags, String... args) throws IOException {
    return start(log, jvmFlags, Map.of(), args);
  }

  /** The same, with environment variables added (secret references read them). */
  public static GhLakeProcess start(Path log, List<String> jvmFlags, Map<String, String> env,
      String... args) throws IOException {
    return startMain("dev.ghlake.GhLake", log, jvmFlags, env, args);
  }

  /** Another of ghlake's commands ({@code dev.ghlake.backfill.Backfill}…), the same way. */
  public static GhLakeProcess startMain(String mainClass, Path log, List<String> jvmFlags,
      Map<String, String> env, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(launcherFlags(jvmFlags));
    command.addAll(jvmFlags);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(env);
    Process p = builder.start();
    return new GhLakeProcess(p, log);
  }

  /**
   * ghlake in a JVM of its own that runs once per {@link #cue} ({@link RunsOnCue}), for tests that
   * race two processes many times.
   */
  public static GhLakeProcess startOnCue(Path log, List<String> jvmFlags, String... args) throws IOException {
    return startMain(RunsOnCue.class.getName(), log, jvmFlags, Map.of(), args);
  }

  /** Starts the next run of a process started on cue, with these arguments added. */
  public void cue(String... args) throws IOException {
    process.getOutputStream().write((String.join(" ", args) + "\n").getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().flush();
  }

  /** The exit status of the {@code nth} run on cue (from 1), once it has ended. */
  public int awaitRun(int nth, long seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (runs().size() < nth) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        throw new AssertionError("run " + nth + " on cue did not finish in " + seconds + " s:\n" + output());
      }
      Thread.sleep(50);
    }
    String run = runs().get(nth - 1);
    return Integer.parseInt(run.substring(run.lastIndexOf(RunsOnCue.DONE) + RunsOnCue.DONE.length()).trim());
  }

  /** The output of the {@code nth} run on cue, up to and with its exit status. */
  public String outputOfRun(int nth) throws IOException {
    return runs().get(nth - 1);
  }

  private List<String> runs() throws IOException {
    List<String> runs = new ArrayList<>();
    String out = output();
    int from = 0;
    for (int end = out.indexOf(RunsOnCue.DONE); end >= 0; end = out.indexOf(RunsOnCue.DONE, from)) {
      int eol = out.indexOf('\n', end);
      if (eol < 0) {
        break;
      }
      runs.add(out.substring(from, eol));
      from = eol + 1;
    }
    return runs;
  }

  /**
   * The JVM flags scripts/ghlake starts a run with (its collector and compiler settings) but for
   * those the test sets itself. The JVM's defaults cost a small run 20 CPU-s, these 12.
   */
  private static List<String> launcherFlags(List<String> given) {
    List<String> flags = new ArrayList<>();
    if (given.stream().noneMatch(f -> f.contains("GC"))) {
      flags.addAll(List.of("-XX:+UseParallelGC", "-XX:MaxHeapFreeRatio=40"));
    }
    if (given.stream().noneMatch(f -> f.contains("TieredStopAtLevel"))) {
      flags.addAll(List.of("-XX:CompileThresholdScaling=4", "-XX:InlineSmallCode=500", "-XX:MaxInlineLevel=6"));
    }
    return flags;
  }

  /** Waits for the exit status; fails the test if it takes longer than {@code seconds}. */
  public int waitFor(long seconds) throws Exception {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("ghlake did not finish in " + seconds + " s:\n" + output());
    }
    return process.exitValue();
  }

  /** Kills it as an OOM killer or a Lambda timeout would: no chance to clean up. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public String output() throws IOException {
    return Files.exists(log) ? Files.readString(log) : "";
  }
}
