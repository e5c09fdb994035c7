package dev.ghlake;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import dev.ghlake.cli.CommandLine;
import dev.ghlake.run.LakeRun;
import dev.ghlake.source.synthetic.SyntheticPlan;
import dev.ghlake.summary.RunSummary;
import dev.ghlake.testing.Chromium;
import dev.ghlake.testing.PayloadCut;
import dev.ghlake.testing.TestArchives;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * {@code ghlake report} on a lake built here by real runs, opened in a real browser (headless
 * Chromium, networking off): eight days across GitHub's payload cut of 2025-10-07 and a day with
 * 1 % of its events, an hour GH Archive lacks, a day a later run kept as the lake had it, and days
 * not loaded. The browser's DOM holds every hour's state, the findings and the cliff.
 */
public class HealthReportTest {
  @ClassRule public static TemporaryFolder tmp = new TemporaryFolder();
  private static Path lake;
  private static Path page;
  private static String dom;
  private static String said;

  @BeforeClass
  public static void buildALakeAndOpenItsReport() throws Exception {
    Path archive = tmp.newFolder("archive").toPath();
    TestArchives.write(archive, new SyntheticPlan(8L * 3_000, 8 * 24, "2025-10-01T00"), 7);
    try (Stream<Path> files = Files.list(archive)) {
      for (Path f : files.toList()) {
        String name = f.getFileName().toString();
        if (name.startsWith("2025-10-07-") || name.startsWith("2025-10-08-")) {
          PayloadCut.rewrite(f, name.startsWith("2025-10-08-"));
        }
      }
    }
    Files.delete(archive.resolve("2025-10-03-5.json.gz")); // GH Archive lacks the hour
    lake = tmp.newFolder("lake").toPath();
    run(archive, "--from=2025-10-01", "--to=2025-10-07");
    run(archive, "--from=2025-10-07", "--to=2025-10-09");
    Files.delete(archive.resolve("2025-10-02-7.json.gz"));
    RunSummary kept = run(archive, "--from=2025-10-02", "--to=2025-10-03"); // cannot vouch: kept
    assertEquals(List.of("dt=2025-10-02"), kept.kept().stream().map(k -> k.substring(0, k.indexOf(':'))).toList());

    page = tmp.getRoot().toPath().resolve("health.html");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int exit = ReportCommand.run(new String[] {"--lake=" + lake, "--from=2025-09-30", "--to=2025-10-10",
        "--out=" + page}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
    said = out.toString(StandardCharsets.UTF_8);
    assertEquals(said, 0, exit);
    dom = Chromium.dom(page);
    Chromium.screenshot(page, Path.of("target", "report", "health-payload-cut.png"), 1280, 2200);
  }

  private static RunSummary run(Path archive, String... window) {
    List<String> args = new ArrayList<>(List.of("--input=" + archive, "--output=" + lake,
        "--partitionBy=day", "--latenessHours=0", "--progressSeconds=0"));
    args.addAll(List.of(window));
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    return new LakeRun(CommandLine.options(args.toArray(new String[0])), quiet, quiet).execute();
  }

  @Test
  public void theCalendarHasEveryHourOfTheRangeInItsState() {
    assertEquals("10 days × 24 hours", 240, count("<rect class=\"cell "));
    assertEquals("2025-09-30 and 2025-10-09", 48, count("<rect class=\"cell not-loaded\""));
    assertEquals(1, count("<rect class=\"cell missing\""));
    assertEquals("the other hours of 2025-10-03", 23, count("<rect class=\"cell incomplete\""));
    assertEquals("2025-10-02, kept by the last run", 24, count("<rect class=\"cell kept\""));
    assertEquals(144, count("<rect class=\"cell complete\""));
    assertTrue(dom, dom.contains("data-hour=\"2025-10-03T05\""));
    Matcher missing = Pattern.compile("<rect class=\"cell missing\" data-hour=\"([^\"]+)\"[^>]*><title>([^<]*)</title>").matcher(dom);
    assertTrue(missing.find());
    assertEquals("2025-10-03T05", missing.group(1));
    assertTrue(missing.group(2), missing.group(2).contains("missing in GH Archive; dt=2025-10-03 holds "));
    Matcher kept = Pattern.compile("<rect class=\"cell kept\"[^>]*><title>([^<]*)</title>").matcher(dom);
    assertTrue(kept.find());
    assertTrue(kept.group(1), kept.group(1).contains("kept it: ") && kept.group(1).contains("2025-10-02-7.json.gz"));
  }

  @Test
  public void theFindingsAreListedAndTheCutIsACliff() {
    assertTrue(dom, dom.contains("PushEvent payload key 'size' present (baseline 100.0%, now 0.0%)"));
    assertTrue(dom, dom.contains("volume under 10.0% of the baseline"));
    assertTrue("error marks on the events chart", count("<circle class=\"finding error\"") >= 2);
    Matcher size = Pattern.compile("data-series=\"PushEvent payload 'size'\" d=\"([^\"]+)\"").matcher(dom);
    assertTrue(dom, size.find());
    String[] points = size.group(1).trim().split(" ?[ML]");
    List<Double> ys = new ArrayList<>();
    for (String p : points) {
      if (!p.isBlank()) {
        ys.add(Double.parseDouble(p.trim().split(" ")[1]));
      }
    }
    assertEquals("a point a loaded day", 8, ys.size());
    assertEquals("100 % up to 2025-10-06", ys.get(0), ys.get(5), 0.01);
    assertTrue("then the cliff to 0 " + ys, ys.get(6) > ys.get(5) + 150);
  }

  @Test
  public void theRunsAreListedWithTheirStatusAndThePageIsSelfContained() throws Exception {
    assertEquals(3, count("<tr class=\"run\""));
    assertTrue(dom, dom.contains("data-status=\"suspect\""));
    assertTrue(dom, dom.contains("data-status=\"incomplete\""));
    String html = Files.readString(page);
    assertFalse("no request leaves the page", html.contains("http://") || html.contains("https://")
        || html.contains("src=") || html.contains("<script") || html.contains("<link"));
    assertTrue(said, said.contains("ghlake report: " + page + ": 8 partitions, 3 runs"));
    assertTrue(Files.size(Path.of("target", "report", "health-payload-cut.png")) > 20_000);
  }

  /** Runs from before summaries were kept in the lake: their ledger gives what it can. */
  @Test
  public void aRunWithOnlyItsLedgerIsListedFromItAndOneWithNeitherAsNoRecord() throws Exception {
    Path copy = tmp.newFolder("older-lake").toPath();
    try (Stream<Path> files = Files.walk(lake)) {
      for (Path f : files.toList()) {
        Path to = copy.resolve(lake.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(to);
        } else {
          Files.copy(f, to);
        }
      }
    }
    List<Path> runs;
    try (Stream<Path> folders = Files.list(copy.resolve("_runs"))) {
      runs = folders.sorted().toList();
    }
    Files.delete(runs.get(0).resolve("summary.json")); // the first run: its ledger only
    Files.delete(runs.get(1).resolve("summary.json")); // the second: neither
    Files.delete(runs.get(1).resolve("ledger.json"));
    long read = 0;
    for (var e : new com.fasterxml.jackson.databind.ObjectMapper().readTree(runs.get(0).resolve("ledger.json").toFile())
        .path("entries")) {
      read += e.path("kind").asText().equals("READ") ? e.path("count").asLong() : 0;
    }
    Path older = tmp.getRoot().toPath().resolve("older.html");
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    assertEquals(0, ReportCommand.run(new String[] {"--lake=" + copy, "--out=" + older}, quiet, quiet));
    String html = Files.readString(older);
    Matcher ledgerOnly = Pattern.compile("<tr class=\"run\" data-status=\"unknown\"><td>"
        + runs.get(0).getFileName() + "</td>.*?</tr>").matcher(html);
    assertTrue(html, ledgerOnly.find());
    assertTrue(ledgerOnly.group(), ledgerOnly.group().contains("(ledger only)")
        && ledgerOnly.group().contains(String.format("<td class=\"num\">%,d</td>", read)));
    assertTrue(html, html.contains("<tr class=\"run\" data-status=\"no record\"><td>" + runs.get(1).getFileName()));
  }

  @Test
  public void badOptionsExit2() {
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    assertEquals(2, ReportCommand.run(new String[] {"--out=x.html"}, quiet, quiet));
    assertEquals(2, ReportCommand.run(new String[] {"--lake=" + lake, "--from=2025-10-05", "--to=2025-10-01"}, quiet, quiet));
  }

  private static int count(String needle) {
    int n = 0;
    for (int i = dom.indexOf(needle); i >= 0; i = dom.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }
}
