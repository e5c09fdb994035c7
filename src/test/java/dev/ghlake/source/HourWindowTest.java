package dev.ghlake.source;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.ghlake.model.HourWindow;
import java.util.List;
import org.junit.Test;

public class HourWindowTest {
  @Test
  public void aDayIsTwentyFourHourFilesWithUnpaddedHours() {
    HourWindow w = HourWindow.parse("2024-07-01", null);
    assertEquals(24, w.hours().size());
    assertEquals("2024-07-01-0.json.gz", ArchiveHourNames.of(w.hours().get(0)));
    assertEquals("2024-07-01-23.json.gz", ArchiveHourNames.of(w.hours().get(23)));
  }

  @Test
  public void toIsExclusiveAndHoursMayBeGiven() {
    List<String> names = HourWindow.parse("2024-07-01T22", "2024-07-02T01").hours().stream()
        .map(ArchiveHourNames::of).toList();
    assertEquals(List.of("2024-07-01-22.json.gz", "2024-07-01-23.json.gz", "2024-07-02-0.json.gz"), names);
    assertEquals(1, HourWindow.parse("2024-07-01T08", null).hours().size());
    assertEquals(1, HourWindow.parse("2024-07-01T08:00", "2024-07-01T09:00:00Z").hours().size());
  }

  @Test
  public void fileNamesStandForUtcHoursPacificInTheTimelineEra() {
    assertEquals("2024-07-01T08", ArchiveHourNames.utcHourOf("2024-07-01-8.json.gz"));
    // the Events API era (2011 to the outage of 2012-03-10) names files by UTC, as its events show
    assertEquals("2011-02-15T00", ArchiveHourNames.utcHourOf("2011-02-15-0.json.gz"));
    assertEquals("2012-03-08T23", ArchiveHourNames.utcHourOf("2012-03-08-23.json.gz"));
    assertEquals("2012-03-09T00", ArchiveHourNames.utcHourOf("2012-03-09-0.json.gz"));
    assertEquals("2012-03-10T08", ArchiveHourNames.utcHourOf("2012-03-10-8.json.gz"));
    // after GH Archive's 13 missing files of that day, Pacific names (standard time, 8 behind)
    assertEquals("2012-03-11T06", ArchiveHourNames.utcHourOf("2012-03-10-22.json.gz"));
    assertEquals("2014-02-15T08", ArchiveHourNames.utcHourOf("2014-02-15-0.json.gz"));
    assertEquals("2014-12-31T23", ArchiveHourNames.utcHourOf("2014-12-31-15.json.gz"));
    // the last timeline files stand for the first hours of 2015, as the first UTC files do
    assertEquals("2015-01-01T07", ArchiveHourNames.utcHourOf("2014-12-31-23.json.gz"));
    assertEquals("2015-01-01T07", ArchiveHourNames.utcHourOf("2015-01-01-7.json.gz"));
    assertEquals(null, ArchiveHourNames.utcHourOf("2015-01-01-24.json.gz"));
    // in summer the Pacific names are daylight time, 7 hours behind
    assertEquals("2013-07-01T07", ArchiveHourNames.utcHourOf("2013-07-01-0.json.gz"));
    assertEquals("2012-11-04T08", ArchiveHourNames.utcHourOf("2012-11-04-1.json.gz")); // the repeated hour
    assertEquals("2012-11-04T10", ArchiveHourNames.utcHourOf("2012-11-04-2.json.gz"));
    assertEquals(null, ArchiveHourNames.utcHourOf("notes.txt"));
  }

  @Test
  public void badWindowsSayWhatToChange() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> HourWindow.parse("2024-07-02", "2024-07-01"))
        .getMessage().contains("must be after --from"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> HourWindow.parse("July 1st", null))
        .getMessage().contains("use 2024-07-01 or 2024-07-01T08"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> HourWindow.parse(null, "2024-07-01"))
        .getMessage().contains("--to needs --from"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> HourWindow.parse("2024-07-01T08:30", null))
        .getMessage().contains("whole hour"));
  }
}
