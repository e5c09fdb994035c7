package dev.ghlake.source;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.ghlake.accounting.SourceOutcome;
import dev.ghlake.model.HourWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** What --input and a window select, resolved into units when the run is planned. */
public class ArchiveInputTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  private static List<HourWindow> window(String from, String to) {
    return List.of(HourWindow.parse(from, to));
  }

  private static List<String> locations(List<SourceUnit> units, SourceOutcome.Role role) {
    return units.stream().filter(u -> u.role() == role).map(SourceUnit::location).toList();
  }

  @Test
  public void aFolderWithAWindowReadsItsHoursAndTheLatenessMarginFoundWithTheirSizes() throws Exception {
    String dir = tmp.getRoot().getPath();
    Files.write(Path.of(dir, "2024-07-01-23.json.gz"), new byte[123]);
    List<SourceUnit> units = ArchiveInput.units(dir, window("2024-07-01T23", "2024-07-02T01"), 2);
    assertEquals(List.of(dir + "/2024-07-01-23.json.gz", dir + "/2024-07-02-0.json.gz"),
        locations(units, SourceOutcome.Role.WINDOW));
    assertEquals(List.of(dir + "/2024-07-02-1.json.gz", dir + "/2024-07-02-2.json.gz"),
        locations(units, SourceOutcome.Role.MARGIN));
    assertEquals(123, units.get(0).plannedBytes());
    assertEquals("2024-07-01T23", units.get(0).hour());
    assertEquals(SourceUnit.MISSING, units.get(1).plannedBytes());
  }

  @Test
  public void beforeTwoThousandFifteenFilesAreNamedInPacificTime() throws Exception {
    // UTC 08:00-10:00 on 2013-02-15 is 00:00-02:00 Pacific: those files are the window's own
    String dir = tmp.getRoot().getPath();
    List<SourceUnit> units = ArchiveInput.units(dir, window("2013-02-15T08", "2013-02-15T10"), 1);
    assertEquals(List.of(dir + "/2013-02-15-0.json.gz", dir + "/2013-02-15-1.json.gz"),
        locations(units, SourceOutcome.Role.WINDOW));
    // late events of 09Z are in the next Pacific file, and no file of later hours is read
    assertEquals(List.of(dir + "/2013-02-15-2.json.gz"), locations(units, SourceOutcome.Role.MARGIN));
    assertEquals("2013-02-15T08", units.get(0).hour());
  }

  private static List<String> names(String from, String to, int lateness, boolean own) {
    return ArchiveInput.readNames(window(from, to), lateness).entrySet().stream()
        .filter(e -> e.getValue() == own).map(e -> e.getKey().replace(".json.gz", "")).toList();
  }

  @Test
  public void aWindowAcrossTwoThousandFifteenTakesEachHourFromOneEraAndLateEventsFromBoth() {
    // 2015-01-01T00-07Z are in the last timeline files (2014-12-31-16..23, Pacific) and in the
    // first Events API files (2015-01-01-0..7, UTC): the hours are the UTC files'; the timeline
    // files after 2014's last hour are read as its margin (late events), their 2015 events dropped
    assertEquals(List.of("2014-12-31-14", "2014-12-31-15", "2015-01-01-0", "2015-01-01-1"),
        names("2014-12-31T22", "2015-01-01T02", 2, true));
    assertEquals(List.of("2014-12-31-16", "2014-12-31-17", "2015-01-01-2", "2015-01-01-3"),
        names("2014-12-31T22", "2015-01-01T02", 2, false));
    // a window of 2015 alone never reads a timeline file
    assertEquals(List.of("2015-01-01-0", "2015-01-01-1"), names("2015-01-01T00", "2015-01-01T02", 0, true));
  }

  @Test
  public void theSwitchToPacificNamesOfMarchTwentyTwelveIsWhereGhArchiveLostThirteenFiles() {
    // UTC names up to 2012-03-10-21 (9..21 never published), then Pacific from 2012-03-10-22
    // (= 2012-03-11T06Z): no name stands for 2012-03-10T22Z..2012-03-11T05Z
    List<String> own = names("2012-03-10T20", "2012-03-11T08", 1, true);
    assertEquals(List.of("2012-03-10-20", "2012-03-10-21", "2012-03-10-22", "2012-03-10-23"), own);
    assertEquals(List.of("2012-03-11-0"), names("2012-03-10T20", "2012-03-11T08", 1, false));
    // the day before is UTC: its own files, no Pacific shift
    assertEquals("2012-03-09-0", names("2012-03-09", null, 0, true).get(0));
    assertEquals(24, names("2012-03-09", null, 0, true).size());
    // and daylight saving's missing 02:00 of 2012-03-11 is never asked for
    assertTrue(names("2012-03-11", null, 2, true).stream().noneMatch("2012-03-11-2"::equals));
  }

  @Test
  public void theAutumnsRepeatedPacificHourStandsForTwoUtcHours() {
    assertEquals("2013-11-03T08,2013-11-03T09", ArchiveHourNames.utcHoursOf("2013-11-03-1.json.gz"));
    assertEquals("2013-11-03T10", ArchiveHourNames.utcHoursOf("2013-11-03-2.json.gz"));
    assertEquals("", ArchiveHourNames.utcHoursOf("events.json.gz"));
  }

  @Test
  public void aFolderWithoutAWindowReadsEveryArchiveFileAndAGlobExactlyItsFiles() throws Exception {
    String dir = tmp.getRoot().getPath();
    Files.write(Path.of(dir, "2024-07-01-0.json.gz"), new byte[1]);
    Files.write(Path.of(dir, "2024-07-02-0.json.gz"), new byte[1]);
    Files.write(Path.of(dir, "notes.txt"), new byte[1]);
    assertEquals(2, ArchiveInput.units(dir, List.of(), 6).size());
    List<SourceUnit> globbed = ArchiveInput.units(dir + "/2024-07-01-*.json.gz",
        window("2024-07-01", null), 6); // a window only selects events
    assertEquals(List.of(dir + "/2024-07-01-0.json.gz"), locations(globbed, SourceOutcome.Role.FILE));
  }

  @Test
  public void theDefaultIsGhArchivesServerForAWindow() throws Exception {
    List<SourceUnit> units = ArchiveInput.units("https://data.gharchive.org/", window("2024-07-01T08", null), 0);
    assertEquals(List.of("https://data.gharchive.org/2024-07-01-8.json.gz"),
        units.stream().map(SourceUnit::location).toList());
    assertEquals(SourceUnit.Kind.URL, units.get(0).kind());
  }

  @Test
  public void mistakesFailWithAMessageThatSaysWhatToChange() {
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> ArchiveInput.units("https://data.gharchive.org/", List.of(), 6))
        .getMessage().contains("is a web server, which cannot be listed: give --from/--to"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> ArchiveInput.units("https://x.org/*.json.gz", window("2024-07-01", null), 6)).getMessage()
        .contains("cannot be listed"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> ArchiveInput.units("/data/", List.of(), -1)).getMessage().contains("--latenessHours"));
    String dir = tmp.getRoot().getPath();
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> ArchiveInput.units(dir + "/nothing-*.json.gz", List.of(), 6)).getMessage()
        .contains("matches no file"));
  }
}
