package dev.ghlake.testing;

import dev.ghlake.GhLake;
import dev.ghlake.cli.ConsoleLogging;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * ghlake's command line, run again in the same JVM for each line on standard input (its
 * arguments added to the ones given): a process that races another many times pays the JVM's
 * start once, as a warm Lambda does. After each run it prints {@link #DONE} and the exit status.
 */
public final class RunsOnCue {
  static final String DONE = "runs-on-cue: exit ";

  private RunsOnCue() {}

  public static void main(String[] args) throws IOException {
    ConsoleLogging.configure();
    BufferedReader cues = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String cue = cues.readLine(); cue != null; cue = cues.readLine()) {
      List<String> all = new ArrayList<>(List.of(args));
      all.addAll(cue.isBlank() ? List.of() : List.of(cue.trim().split(" +")));
      int exit = GhLake.execute(all.toArray(new String[0]), System.out, System.err);
      System.out.println(DONE + exit);
      System.out.flush();
    }
  }
}
