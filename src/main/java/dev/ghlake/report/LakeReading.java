package dev.ghlake.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ghlake.commit.PartitionManifest;
import dev.ghlake.model.LakePaths;
import dev.ghlake.model.PartitionBy;
import dev.ghlake.model.RunIds;
import dev.ghlake.storage.LakeFiles;
import dev.ghlake.storage.LakeLayout;
import dev.ghlake.storage.ParallelReads;
import dev.ghlake.storage.RunRecords;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.io.fs.MatchResult;

/**
 * What the report reads from a lake: its manifests, its runs' summaries (or ledgers) and which
 * partitions runs kept; never the Parquet data, so five years of hourly partitions read in
 * seconds. The files are read by several threads: on S3 each read is a request's round trip.
 */
public final class LakeReading {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Up to this many days, the range is listed day by day. */
  static final int DAY_LISTINGS = 366;

  private LakeReading() {}

  /**
   * The lake's state between two days (either null: no bound).
   *
   * @throws IOException when the lake cannot be listed or a record read
   */
  public static LakeState read(String lake, LocalDate from, LocalDate to) throws IOException {
    LakePaths paths = LakePaths.of(lake);
    PartitionBy by = LakeLayout.of(paths);
    List<MatchResult.Metadata> manifests = by == null ? List.of() : manifests(paths, by, from, to);
    List<String> runIds = new ArrayList<>();
    for (MatchResult.Metadata m : LakeFiles.match(RunRecords.startedGlob(paths))) {
      String path = m.resourceId().toString();
      String folder = path.substring(0, path.lastIndexOf('/'));
      String runId = folder.substring(folder.lastIndexOf('/') + 1);
      Instant started = RunIds.startOf(runId);
      // a run that started before the range cannot have loaded it: GH Archive has no future
      if (from == null || started == null || !started.isBefore(from.atStartOfDay(ZoneOffset.UTC).toInstant())) {
        runIds.add(runId);
      }
    }
    List<PartitionState> partitions = new ArrayList<>(
        ParallelReads.all(manifests, "ghlake-report-read", LakeReading::manifest));
    List<RunReading.Run> runs = ParallelReads.all(runIds, "ghlake-report-read", id -> RunReading.of(paths, id));
    partitions.sort(Comparator.comparing(PartitionState::start));
    return LakeState.of(lake, partitions, runs, from, to);
  }

  /**
   * The manifests of the range: a listing per day for up to a year (on S3 a few requests each, and
   * a local glob walks only that day), else one listing of the lake, filtered.
   */
  private static List<MatchResult.Metadata> manifests(LakePaths lake, PartitionBy by, LocalDate from, LocalDate to)
      throws IOException {
    String hour = by == PartitionBy.hour ? "hour=*/" : "";
    List<MatchResult.Metadata> out = new ArrayList<>();
    if (from != null && to != null && ChronoUnit.DAYS.between(from, to) <= DAY_LISTINGS) {
      for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
        out.addAll(LakeFiles.match(lake.partition("dt=" + d) + "/" + hour + PartitionManifest.NAME));
      }
      return out;
    }
    for (MatchResult.Metadata m : LakeFiles.match(lake.partition("dt=*") + "/" + hour + PartitionManifest.NAME)) {
      if (inRange(m.resourceId().toString(), from, to)) {
        out.add(m);
      }
    }
    return out;
  }

  private static boolean inRange(String manifestPath, LocalDate from, LocalDate to) {
    LocalDate day = dev.ghlake.model.PartitionPath.dayOf(manifestPath);
    return (from == null || !day.isBefore(from)) && (to == null || day.isBefore(to));
  }

  private static PartitionState manifest(MatchResult.Metadata listed) {
    try (InputStream in = LakeFiles.open(listed)) {
      return ManifestReading.of(in);
    } catch (FileNotFoundException | NoSuchFileException e) {
      return null; // gone since the listing: a re-run replaced the partition
    } catch (IOException e) {
      throw new UncheckedIOException(listed.resourceId() + ": " + e.getMessage(), e);
    }
  }

  static JsonNode tree(String path) {
    try {
      String text = LakeFiles.readIfExists(path);
      return text == null ? null : JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(path + ": " + e.getMessage(), e);
    }
  }
}
