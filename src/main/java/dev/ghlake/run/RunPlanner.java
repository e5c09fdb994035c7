package dev.ghlake.run;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ghlake.accounting.CompletenessCheck;
import dev.ghlake.commit.CommitSpec;
import dev.ghlake.commit.CommitVerdict;
import dev.ghlake.commit.FilterGuard;
import dev.ghlake.commit.PendingFiles;
import dev.ghlake.commit.ShrinkGuard;
import dev.ghlake.cost.Prices;
import dev.ghlake.model.HourWindow;
import dev.ghlake.model.LakePaths;
import dev.ghlake.model.PartitionPath;
import dev.ghlake.model.Version;
import dev.ghlake.profile.DriftCheck;
import dev.ghlake.sink.FilePlan;
import dev.ghlake.sink.SinkOptions;
import dev.ghlake.source.SourcePlan;
import dev.ghlake.stage.StagingFolders;
import dev.ghlake.stage.StagingPlan;
import dev.ghlake.summary.RunLimits;
import dev.ghlake.table.TablePlan;
import dev.ghlake.transform.EventFilter;
import dev.ghlake.transform.EventShaper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Turns a run's options into its {@link RunPlan}, checking every value on the way: a bad one
 * throws {@link IllegalArgumentException} naming the option and what it accepts, before anything
 * is read or written. Finding the archive files is part of planning (one listing per day).
 */
public final class RunPlanner {
  private RunPlanner() {}

  /**
   * Checks every value that needs no storage to check; returns the windows as reports show them.
   *
   * @param windows the run's windows, or null to take --from/--to
   */
  public static String check(GhLakeOptions options, List<HourWindow> windows) {
    LakePaths lake = LakePaths.of(required(options.getOutput()));
    List<HourWindow> runWindows = windows != null ? windows : optionWindows(options);
    runWindows.forEach(w -> PartitionPath.inWindow(w, options.getPartitionBy()));
    checkLimits(options);
    checkRunner(options.getRunner().getSimpleName(), flinkMaster(options), Runtime.version().feature());
    EventFilter.of(options);
    SourcePlan.check(options, runWindows);
    TablePlan.of(options, lake, options.getPartitionBy());
    Prices.of(options.getPrices());
    return windowText(runWindows);
  }

  /**
   * Flink 1.19's local cluster asks Hadoop's UserGroupInformation for delegation tokens as it
   * starts, and that calls {@code Subject.getSubject}, which Java 24 and later refuse
   * (HADOOP-19212; seen on Temurin 25: "getSubject is not supported"). Refused here, before leases
   * and records, in words that say what to do. Submitting to a cluster works from Java 25
   * (FlinkClusterIT ran so, its cluster on Java 17).
   *
   * @param flinkMaster the --flinkMaster given, null when none ([auto]: a local cluster here)
   */
  static void checkRunner(String runner, String flinkMaster, int javaFeature) {
    boolean local = flinkMaster == null || flinkMaster.startsWith("[");
    if (runner.equals("FlinkRunner") && local && !TablePlan.hadoopRunsOn(javaFeature)) {
      throw new IllegalArgumentException("Flink's local cluster (--flinkMaster=" + (flinkMaster == null
          ? "[auto]" : flinkMaster) + ") does not start on Java " + javaFeature + " (it calls "
          + "Subject.getSubject through Hadoop, which Java 24 and later refuse: HADOOP-19212): run it "
          + "on Java 17 or 21, or give --flinkMaster=host:port of a cluster");
    }
  }

  /** --flinkMaster as given, without the Flink runner's classes (they are not in every package). */
  private static String flinkMaster(GhLakeOptions options) {
    if (!options.getRunner().getSimpleName().equals("FlinkRunner")) {
      return null;
    }
    JsonNode given = OptionsRecord.tree(options).path("flinkMaster");
    return given.isTextual() ? given.asText() : null;
  }

  /**
   * @param windows the run's windows, or null to take --from/--to (a backfill job passes several)
   */
  public static RunPlan plan(GhLakeOptions options, String runId, Instant start, List<HourWindow> windows)
      throws IOException {
    LakePaths lake = LakePaths.of(required(options.getOutput()));
    List<HourWindow> runWindows = windows != null ? windows : optionWindows(options);
    List<String> claims = new ArrayList<>();
    runWindows.forEach(w -> claims.addAll(PartitionPath.inWindow(w, options.getPartitionBy())));
    checkLimits(options);
    EventFilter filter = EventFilter.of(options);
    SourcePlan source = SourcePlan.resolve(options, runWindows, options.getScrubEmails());
    EventShaper shaper = new EventShaper(starts(runWindows), ends(runWindows), filter, source.scrubEmails());
    int buckets = StagingPlan.bucketsFor(options.getPartitionBy());
    StagingPlan staging = new StagingPlan(StagingFolders.forRun(stagingLocation(options), runId),
        options.getPartitionBy(), buckets);
    FilePlan files = new FilePlan(lake.events(), runId, options.getTargetRowsPerFile(), buckets,
        codec(options.getCompression()), options.getRowGroupMB() * 1024 * 1024,
        PendingFiles.root(lake, runId));
    String windowText = windowText(runWindows);
    TablePlan table = TablePlan.of(options, lake, options.getPartitionBy());
    CommitSpec commit = new CommitSpec(lake.events(), options.getPartitionBy(), runId, Version.of(),
        start.toString(), windowText, OptionsRecord.json(options), claims,
        new CompletenessCheck(options.getCompletenessThreshold(), options.getTypeShiftThreshold()),
        options.getReplaceIncomplete(), options.getFailOnMissing(),
        new ShrinkGuard(options.getShrinkLimit()),
        new FilterGuard(options.getReplaceFiltered()),
        new DriftCheck(options.getDriftCheck(), options.getDriftBaselineDays(),
            options.getDriftMinBaseline(), options.getDriftVolumeError(), options.getDriftKeyDrop()),
        new CommitVerdict(options.getMaxRejectedRatio()), PendingFiles.root(lake, runId), table.enabled());
    return new RunPlan(runId, start, lake, runWindows, source, shaper, staging, files, commit, table,
        new RunLimits(options.getMaxRejectedRatio(), options.getFailOnMissing()));
  }

  /**
   * The longest --from/--to window one run takes. A run plans every hour file and leases every
   * day of its window before it reads: a month is seconds of planning, twenty years was minutes
   * and the heap (issue 24). Longer spans are what backfill is for.
   */
  static final int MAX_RUN_DAYS = 31;

  /** Where staging goes when --stagingLocation is not given: local on the DirectRunner, else the lake. */
  static String stagingLocation(GhLakeOptions options) {
    return StagingFolders.location(options.getStagingLocation(), options.getRunner() == DirectRunner.class,
        options.getOutput());
  }

  private static String windowText(List<HourWindow> windows) {
    return windows.isEmpty() ? null
        : String.join(", ", windows.stream().map(HourWindow::toString).toList());
  }

  private static List<HourWindow> optionWindows(GhLakeOptions options) {
    boolean windowed = options.getFrom() != null || options.getTo() != null;
    if (!windowed) {
      return List.of();
    }
    HourWindow window = HourWindow.parse(options.getFrom(), options.getTo());
    long days = Duration.between(window.from(), window.to()).toDays();
    if (days > MAX_RUN_DAYS) {
      throw new IllegalArgumentException("a window of " + days + " days is more than one run loads ("
          + MAX_RUN_DAYS + " days): load it with ghlake backfill --from=" + options.getFrom()
          + " --to=" + options.getTo() + ", which runs it a unit at a time and can resume");
    }
    return List.of(window);
  }

  private static void checkLimits(GhLakeOptions o) {
    between("maxRejectedRatio", o.getMaxRejectedRatio(), 0, 1);
    between("completenessThreshold", o.getCompletenessThreshold(), 0, 1);
    between("typeShiftThreshold", o.getTypeShiftThreshold(), 0, 1);
    between("shrinkLimit", o.getShrinkLimit(), 0, 1);
    between("driftVolumeError", o.getDriftVolumeError(), 0, 1);
    between("driftKeyDrop", o.getDriftKeyDrop(), 0, 1);
    if (o.getDriftBaselineDays() < 1 || o.getDriftMinBaseline() < 1) {
      throw new IllegalArgumentException("--driftBaselineDays and --driftMinBaseline must be at least 1");
    }
    if (o.getTargetRowsPerFile() < 1 || o.getTargetRowsPerFile() > 100_000_000) {
      throw new IllegalArgumentException("--targetRowsPerFile must be from 1 to 100000000 (got "
          + o.getTargetRowsPerFile() + ")");
    }
    if (o.getRowGroupMB() < 1 || o.getRowGroupMB() > 1024) {
      throw new IllegalArgumentException("--rowGroupMB must be between 1 and 1024 (got " + o.getRowGroupMB() + ")");
    }
    if (o.getLeaseWaitSeconds() < 0 || o.getLeaseWaitSeconds() > 86_400 || o.getLeaseMinutes() < 1
        || o.getLeaseMinutes() > 1_440) {
      throw new IllegalArgumentException("--leaseWaitSeconds must be from 0 to 86400 and --leaseMinutes "
          + "from 1 to 1440 (got " + o.getLeaseWaitSeconds() + " and " + o.getLeaseMinutes() + ")");
    }
    if (o.getProgressSeconds() < 0 || o.getProgressSeconds() > 86_400) {
      throw new IllegalArgumentException("--progressSeconds must be from 0 (none) to 86400 (got "
          + o.getProgressSeconds() + ")");
    }
  }

  private static void between(String option, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      throw new IllegalArgumentException("--" + option + "=" + value + " is out of range: give a "
          + "share between " + (int) min + " and " + (int) max + " (e.g. 0.01 for 1%)");
    }
  }

  private static String required(String output) {
    if (output == null || output.isBlank()) {
      throw new IllegalArgumentException("--output is required: the folder (or s3://bucket/prefix) "
          + "the lake is written to");
    }
    return output;
  }

  private static long[] starts(List<HourWindow> windows) {
    return windows.stream().mapToLong(HourWindow::fromMicros).toArray();
  }

  private static long[] ends(List<HourWindow> windows) {
    return windows.stream().mapToLong(HourWindow::toMicros).toArray();
  }

  static CompressionCodecName codec(SinkOptions.Codec codec) {
    return switch (codec) {
      case zstd -> CompressionCodecName.ZSTD;
      case snappy -> CompressionCodecName.SNAPPY;
      case gzip -> CompressionCodecName.GZIP;
      case uncompressed -> CompressionCodecName.UNCOMPRESSED;
    };
  }
}
