package dev.ghlake.source;

/**
 * The times whose events a source file may give, by the era its name belongs to. GH Archive's
 * last timeline files ({@code 2014-12-31-16} to {@code -23}, named in Pacific time) and its first
 * Events API files ({@code 2015-01-01-0} to {@code -7}, UTC) cover the same UTC hours,
 * 2015-01-01T00–07Z, with different events and no shared ids: loading both would count that
 * activity twice. ghlake takes those hours from the Events API files (the schema and ids every
 * later hour has) and each era's files up to the edge only; a timeline file's events from 2015 on,
 * and an Events API file's from before, are counted as outside the window (detail
 * {@code other_era}), never loaded. Files of other names (globs of other files) have no bound.
 *
 * @param fromMicros the first time (UTC microseconds) the file's events are taken from
 * @param untilMicros the time from which they are not
 */
public record ArchiveEra(long fromMicros, long untilMicros) {
  private static final long EDGE = ArchiveHourNames.EVENTS_API_FROM.toEpochSecond() * 1_000_000L;
  private static final ArchiveEra ANY = new ArchiveEra(Long.MIN_VALUE, Long.MAX_VALUE);

  /** The era of a source by its file name. */
  public static ArchiveEra ofFile(String fileName) {
    ArchiveHourNames.Clock clock = ArchiveHourNames.clockOfName(fileName);
    if (clock == ArchiveHourNames.Clock.PACIFIC) {
      return new ArchiveEra(Long.MIN_VALUE, EDGE);
    }
    if (clock == ArchiveHourNames.Clock.UTC && fileName.compareTo("2015") >= 0) {
      return new ArchiveEra(EDGE, Long.MAX_VALUE);
    }
    return ANY;
  }

  /** Whether an event of this time is taken from the file. */
  public boolean holds(long micros) {
    return micros >= fromMicros && micros < untilMicros;
  }
}
