package dev.ghlake;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ghlake.cli.CommandLine;
import dev.ghlake.run.GhLakeOptions;
import dev.ghlake.summary.RunSummary;
import dev.ghlake.testing.ArchiveFiles;
import dev.ghlake.testing.DuckDb;
import dev.ghlake.testing.RealData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The edge of 2015, where GH Archive's last timeline files ({@code 2014-12-31-16} to {@code -23},
 * Pacific names) and its first Events API files ({@code 2015-01-01-0} to {@code -7}, UTC) cover
 * the same UTC hours with different events. Built from the real hours: the 2014 hour (timeline
 * shape, local offsets) moved to the last hours of 2014, the 2012 hour (Events API shape, ids)
 * moved to the first hour of 2015. A window across the edge loads each hour from one era and
 * counts the other's events as outside it ({@code other_era}), never twice.
 */
public class EraEdgesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant EDGE = Instant.parse("2015-01-01T00:00:00Z");
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  /** The real hour's lines with its dates moved: each {@code from[i]} replaced by {@code to[i]}. */
  private static List<String> moved(String hour, String[] from, String[] to) throws IOException {
    List<String> lines = new ArrayList<>();
    try (InputStream in = new GZIPInputStream(Files.newInputStream(RealData.hours().resolve(hour)))) {
      for (String line : new String(in.readAllBytes(), UTF_8).split("\n")) {
        for (int i = 0; i < from.length; i++) {
          line = line.replace(from[i], to[i]);
        }
        if (!line.isBlank()) {
          lines.add(line);
        }
      }
    }
    return lines;
  }

  private static void write(Path dir, String name, List<String> lines) throws IOException {
    ArchiveFiles.write(dir, name, ArchiveFiles.gzip(lines.stream().map(l -> l.getBytes(UTF_8)).toList()));
  }

  /** How many of the lines are events created in [from, to). */
  private static long created(List<String> lines, Instant from, Instant to) throws IOException {
    long n = 0;
    for (String line : lines) {
      JsonNode at = JSON.readTree(line).path("created_at");
      if (at.isTextual()) {
        Instant t = OffsetDateTime.parse(at.asText()).toInstant();
        n += !t.isBefore(from) && t.isBefore(to) ? 1 : 0;
      }
    }
    return n;
  }

  private static long rowsFrom(RunSummary s, String file) throws Exception {
    return DuckDb.count("SELECT count(*) FROM read_parquet('" + s.output()
        + "/events/**/*.parquet') WHERE source_file = '" + file + "'");
  }

  @Test
  public void aWindowAcrossTwoThousandFifteenLoadsEachHourFromOneEraAndCountsTheOther() throws Exception {
    Path archive = tmp.newFolder().toPath();
    String[] local = {"2014-02-15T00:", "2014-02-15T01:"};
    // timeline file 2014-12-31-15 = 23Z: its 00-local events are 2014's last hour, its 01-local
    // ones (GH Archive's files run over) are 2015-01-01T00Z
    List<String> lastOf2014 = moved("2014-02-15-0.json.gz", local,
        new String[] {"2014-12-31T15:", "2014-12-31T16:"});
    // timeline file 2014-12-31-16 = 2015-01-01T00Z in Pacific time
    List<String> timelineOf2015 = moved("2014-02-15-0.json.gz", local,
        new String[] {"2014-12-31T16:", "2014-12-31T17:"});
    List<String> eventsApiOf2015 = moved("2012-02-15-0.json.gz",
        new String[] {"2012-02-15T00:"}, new String[] {"2015-01-01T00:"});
    write(archive, "2014-12-31-15.json.gz", lastOf2014);
    write(archive, "2014-12-31-16.json.gz", timelineOf2015);
    write(archive, "2015-01-01-0.json.gz", eventsApiOf2015);

    RunSummary s = GhLake.run(CommandLine.options("--input=" + archive,
        "--from=2014-12-31T23", "--to=2015-01-01T01", "--latenessHours=1", "--partitionBy=hour",
        "--output=" + tmp.newFolder().getPath(), "--progressSeconds=0"));

    Instant lastHour = EDGE.minusSeconds(3600);
    Instant firstHour = EDGE.plusSeconds(3600);
    assertTrue(s.failures().toString(), s.identityHolds());
    // 2015's first hour from the Events API file only; 2014's last from the timeline file
    assertEquals(created(eventsApiOf2015, EDGE, firstHour), rowsFrom(s, "2015-01-01-0.json.gz"));
    assertEquals(created(lastOf2014, lastHour, EDGE), rowsFrom(s, "2014-12-31-15.json.gz"));
    assertEquals(0, rowsFrom(s, "2014-12-31-16.json.gz"));
    assertEquals(s.written(), created(eventsApiOf2015, EDGE, firstHour) + created(lastOf2014, lastHour, EDGE));
    // the timeline files' 2015 events and the Events API file's late 2014 ones: counted apart
    long otherEra = created(lastOf2014, EDGE, Instant.MAX) + created(timelineOf2015, EDGE, Instant.MAX)
        + created(eventsApiOf2015, Instant.MIN, EDGE);
    assertTrue(otherEra > 5_000);
    assertEquals(otherEra, s.otherEra());
    assertTrue(s.toJson(), JSON.readTree(s.toJson()).path("outside_window_other_era").asLong() == otherEra);
  }

  @Test
  public void filesOfMarchNinthTwentyTwelveAreUtcAndTheHoursOfTheClockSwitchAreNamedAsHoles() throws Exception {
    // GH Archive's files were UTC-named up to its outage of 2012-03-10 (docs/eras.md): the real
    // 2012 hour moved to 2012-03-09-0 holds that UTC hour, and vouches for it
    Path archive = tmp.newFolder().toPath();
    List<String> hour = moved("2012-02-15-0.json.gz", new String[] {"2012-02-15T00:"},
        new String[] {"2012-03-09T00:"});
    write(archive, "2012-03-09-0.json.gz", hour);
    String lake = tmp.newFolder().getPath();
    RunSummary s = run(archive, lake, "--from=2012-03-09T00", "--to=2012-03-09T01");
    assertEquals(s.failures() + " " + s.kept() + s.incompletePartitions(), RunSummary.Status.success, s.status());
    Instant from = Instant.parse("2012-03-09T00:00:00Z");
    assertEquals(created(hour, from, from.plusSeconds(3600)), s.written());

    // no file name stands for 2012-03-10T22Z..2012-03-11T05Z: such an hour is a hole, said so
    RunSummary gap = run(archive, lake, "--from=2012-03-10T23", "--to=2012-03-11T00");
    assertEquals(RunSummary.Status.incomplete, gap.status());
    assertTrue(gap.incompletePartitions().toString(),
        gap.incompletePartitions().toString().contains("2012-03-10T23 (no GH Archive file: its names switched from UTC to Pacific time"));
    assertEquals(1, gap.missingHours().size());
  }

  private RunSummary run(Path archive, String lake, String... window) {
    List<String> args = new ArrayList<>(List.of("--input=" + archive, "--latenessHours=0",
        "--partitionBy=hour", "--output=" + lake, "--progressSeconds=0"));
    args.addAll(List.of(window));
    return GhLake.run(CommandLine.options(args.toArray(new String[0])));
  }
}
