package dev.ghlake;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.ghlake.cli.CommandLine;
import dev.ghlake.run.GhLakeOptions;
import dev.ghlake.run.LakeRun;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Every numeric option of a run has a range (issue 24): a value outside it stops the run before
 * anything is read or written, with a message that names the option. Too large matters as much
 * as too small: a huge lateness or lease once ran out of heap or blocked a lake for good.
 */
public class OptionRangesTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  private static final Map<String, String> OUT_OF_RANGE = Map.ofEntries(
      Map.entry("latenessHours", "49"), Map.entry("maxLineMB", "2000"),
      Map.entry("targetRowsPerFile", "1000000000"), Map.entry("rowGroupMB", "2000"),
      Map.entry("leaseWaitSeconds", "100000"), Map.entry("leaseMinutes", "2000"),
      Map.entry("progressSeconds", "100000"), Map.entry("maxRejectedRatio", "2"),
      Map.entry("completenessThreshold", "2"), Map.entry("typeShiftThreshold", "-1"),
      Map.entry("shrinkLimit", "2"), Map.entry("driftVolumeError", "2"), Map.entry("driftKeyDrop", "2"),
      Map.entry("driftBaselineDays", "0"), Map.entry("driftMinBaseline", "0"),
      Map.entry("notifyAttempts", "11"));

  @Test
  public void aValueOutsideItsRangeStopsTheRunNamingTheOption() throws Exception {
    String lake = tmp.newFolder("lake").toString();
    java.nio.file.Path hook = tmp.newFile("hook").toPath();
    Files.writeString(hook, "https://hooks.slack.com/services/T/B/x");
    for (Map.Entry<String, String> bad : OUT_OF_RANGE.entrySet()) {
      List<String> args = new ArrayList<>(List.of("--input=" + tmp.newFolder().toPath(), "--output=" + lake,
          "--from=2024-07-01T00", "--slackWebhook=file:" + hook));
      args.add("--" + bad.getKey() + "=" + bad.getValue());
      GhLakeOptions options = CommandLine.options(args.toArray(new String[0]));
      PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
      IllegalArgumentException e = assertThrows(bad.getKey(), IllegalArgumentException.class,
          () -> new LakeRun(options, quiet, quiet).execute());
      assertTrue(bad.getKey() + ": " + e.getMessage(), e.getMessage().contains("--" + bad.getKey()));
      try (var left = Files.walk(java.nio.file.Path.of(lake))) {
        assertTrue(bad.getKey() + " stops before anything is written", left.count() == 1);
      }
    }
  }

  @Test
  public void downloadsAndSyntheticSizesHaveRangesToo() {
    List<List<String>> cases = List.of(List.of("--source=synthetic", "--syntheticHours=100000"),
        List.of("--source=synthetic", "--syntheticEvents=-1"),
        List.of("--input=https://data.gharchive.org/", "--from=2024-07-01T00", "--httpAttempts=21"),
        List.of("--input=https://data.gharchive.org/", "--from=2024-07-01T00", "--httpConcurrency=300"),
        List.of("--input=https://data.gharchive.org/", "--from=2024-07-01T00", "--httpTimeoutSeconds=4000"),
        List.of("--source=bigquery", "--from=2024-07-01T00", "--project=p", "--maxBytesBilled=-1"));
    for (List<String> c : cases) {
      String bad = c.get(c.size() - 1);
      List<String> args = new ArrayList<>(c);
      args.add("--output=" + tmp.getRoot());
      GhLakeOptions options = CommandLine.options(args.toArray(new String[0]));
      PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
      IllegalArgumentException e = assertThrows(bad, IllegalArgumentException.class,
          () -> new LakeRun(options, quiet, quiet).execute());
      assertTrue(e.getMessage(), e.getMessage().contains(bad.substring(0, bad.indexOf('='))));
    }
  }

  /** A value that is not a number is named by its option, not in Jackson's words (issue 25). */
  @Test
  public void aValueThatIsNoNumberIsNamedByItsOption() {
    for (String bad : List.of("--targetRowsPerFile=99999999999999999999", "--maxRejectedRatio=abc",
        "--latenessHours=2.5", "--leaseMinutes=NaN", "--shrinkLimit=NaN")) {
      IllegalArgumentException e = assertThrows(bad, IllegalArgumentException.class,
          () -> CommandLine.options("--output=/tmp/x", bad));
      assertTrue(e.getMessage(), e.getMessage().startsWith(bad + " is not a"));
      assertFalse(e.getMessage(), e.getMessage().contains("deserialize"));
    }
  }

  /** A run refused for an input that is not there writes nothing into the lake (issue 25). */
  @Test
  public void aRunRefusedForItsInputLeavesTheLakeAsItWas() throws Exception {
    String lake = tmp.newFolder("untouched").toString();
    GhLakeOptions options = CommandLine.options("--input=" + tmp.getRoot() + "/no/such/folder",
        "--output=" + lake, "--from=2024-07-01T00");
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new LakeRun(options, quiet, quiet).execute());
    assertTrue(e.getMessage(), e.getMessage().contains("does not exist"));
    try (var left = Files.walk(java.nio.file.Path.of(lake))) {
      assertEquals("nothing in the lake", 1, left.count());
    }
  }
}
