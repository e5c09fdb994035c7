package dev.ghlake.commit;

import dev.ghlake.accounting.SourceOutcome;
import dev.ghlake.model.PartitionPath;
import dev.ghlake.profile.DriftFinding;
import dev.ghlake.profile.PartitionProfile;
import dev.ghlake.storage.LakeFiles;
import dev.ghlake.storage.S3Requests;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits one partition, after its data files are in place: writes its manifest (the commit
 * point), then deletes the files of earlier versions. Or, when the run cannot vouch for the
 * partition and the lake has a version of it, keeps that version and deletes the run's files.
 */
class CommitPartitionFn extends DoFn<KV<String, CoGbkResult>, PartitionResult> {
  private static final Logger LOG = LoggerFactory.getLogger(CommitPartitionFn.class);

  private final CommitSpec spec;
  private final PCollectionView<List<SourceOutcome>> sources;
  private final PCollectionView<Map<String, Map<String, Long>>> runByType;

  private final PCollectionView<Map<String, Map<String, Long>>> sourceHours;
  private final PCollectionView<Map<String, Map<String, Long>>> identity;

  CommitPartitionFn(CommitSpec spec, PCollectionView<List<SourceOutcome>> sources,
      PCollectionView<Map<String, Map<String, Long>>> runByType,
      PCollectionView<Map<String, Map<String, Long>>> sourceHours,
      PCollectionView<Map<String, Map<String, Long>>> identity) {
    this.spec = spec;
    this.sources = sources;
    this.runByType = runByType;
    this.sourceHours = sourceHours;
    this.identity = identity;
  }

  @ProcessElement
  public void process(ProcessContext c) throws IOException {
    String partition = c.element().getKey();
    CoGbkResult grouped = c.element().getValue();
    PartitionContents contents = PartitionContents.of(
        grouped.getAll(CommitPartitions.FILES), grouped.getAll(CommitPartitions.TALLIES));
    boolean claimed = grouped.getAll(CommitPartitions.CLAIMED).iterator().hasNext();
    if (!claimed && contents.isEmpty()) {
      return;
    }
    List<SourceOutcome> outcomes = c.sideInput(sources);
    List<String> gaps = Vouching.gaps(partition, spec.partitionBy(), outcomes, contents.eventsBySource,
        c.sideInput(sourceHours));
    String folder = spec.folder(partition);
    String previous = PartitionManifest.read(folder + "/" + PartitionManifest.NAME);
    List<String> why = whyKeep(outcomes, c.sideInput(identity), gaps, previous, contents);
    c.output(why.isEmpty() ? commit(partition, contents, gaps, outcomes, c.sideInput(runByType), previous)
        : keep(partition, contents, why));
    S3Requests.settle(); // the commit's copies and matches went from Beam's S3 threads: this step's
  }

  /** Why the lake keeps its version of the partition, first reason first; empty to commit. */
  private List<String> whyKeep(List<SourceOutcome> outcomes, Map<String, Map<String, Long>> identity,
      List<String> gaps, String previous, PartitionContents contents) {
    String holdAll = holdAll(outcomes, identity);
    if (holdAll != null) {
      return List.of(holdAll);
    }
    if (!gaps.isEmpty() && !spec.replaceIncomplete() && previous != null) {
      return gaps;
    }
    String other = otherFilters(previous);
    String smaller = other == null ? shrinks(previous, contents) : null;
    return other != null ? List.of(other) : smaller != null ? List.of(smaller) : List.of();
  }

  /**
   * Why the run commits no partition at all, or null: a verdict that fails the run (too many
   * rejected lines, an accounting that does not add up), an hour missing under --failOnMissing,
   * or a source that could not be reached (an outage must not look like a gap).
   */
  private String holdAll(List<SourceOutcome> outcomes, Map<String, Map<String, Long>> identity) {
    String refused = spec.verdict().refuse(identity);
    if (refused != null) {
      return refused;
    }
    long unreachable = outcomes.stream()
        .filter(s -> s.status() == SourceOutcome.Status.UNREACHABLE).count();
    if (unreachable > 0) {
      return "not committed: " + unreachable + " archive file(s) could not be fetched (the source is unreachable)";
    }
    long missing = outcomes.stream().filter(s -> s.role() == SourceOutcome.Role.WINDOW
        && s.status() == SourceOutcome.Status.MISSING).count();
    return spec.failOnMissing() && missing > 0 ? "not committed: " + missing
        + " archive hour(s) of the window missing and --failOnMissing is set" : null;
  }

  /** Why the run's version must not replace the lake's for its filters, or null. */
  private String otherFilters(String previous) {
    return previous == null ? null : spec.filterGuard().refuse(previous, spec.optionsJson());
  }

  /** Why the run's version must not replace the lake's for its size, or null. */
  private String shrinks(String previous, PartitionContents contents) {
    return previous == null || spec.replaceIncomplete() ? null // told to replace whatever it has
        : spec.shrinkGuard().refuse(previous, spec.optionsJson(), contents.written());
  }

  /** Leaves the lake's version; the run's files in the partition go. */
  private PartitionResult keep(String partition, PartitionContents contents, List<String> why)
      throws IOException {
    List<String> own = contents.fileNames().stream().map(n -> spec.folder(partition) + "/" + n).toList();
    LakeFiles.delete(own);
    LOG.warn("Kept the previous version of {}: {}", partition, String.join("; ", why));
    return new PartitionResult(partition, false, false, contents.written(), 0, 0, why, List.of(),
        List.of());
  }

  private PartitionResult commit(String partition, PartitionContents contents, List<String> gaps,
      List<SourceOutcome> outcomes, Map<String, Map<String, Long>> thisRun, String previous)
      throws IOException {
    String folder = spec.folder(partition);
    List<String> retired = retired(previous, contents.fileNames());
    List<String> warnings = new ArrayList<>(spec.completeness().warnings(
        partition, contents.writtenByType, history(partition, thisRun)));
    warnings.addAll(strangers(folder, contents.fileNames(), retired));
    List<DriftFinding> findings = spec.drift().findings(partition, contents.profile, baseline(partition));
    findings.forEach(f -> LOG.warn("Drift: {}", f.text()));
    Map<String, SourceOutcome> byName = new HashMap<>();
    outcomes.forEach(s -> byName.put(s.name(), s));
    PartitionManifest.Content content = new PartitionManifest.Content(partition, contents,
        gaps.isEmpty(), gaps, missingHours(partition, outcomes), byName, warnings, findings);
    // marked before the commit point: a run killed after it leaves the old files to the next run
    // of any window, which deletes each one no manifest lists (PendingFiles.clean)
    PendingFiles.markRetired(spec.pendingRoot(), partition, retired);
    LakeFiles.replace(folder + "/" + PartitionManifest.NAME,
        PartitionManifest.toJson(spec, content, Instant.now().toString()), spec.runId());
    if (!spec.deferRetired()) { // else the run's end removes them, after its table commit
      LakeFiles.delete(retired.stream().map(n -> folder + "/" + n).toList());
    }
    LOG.info("Committed {}: {} rows in {} files, {} older files retired{}", partition,
        contents.written(), contents.files.size(), retired.size(), gaps.isEmpty() ? "" : " (incomplete)");
    return new PartitionResult(partition, true, gaps.isEmpty(), contents.written(),
        contents.files.size(), contents.bytes(), gaps, warnings, findings);
  }

  /** The files of the lake's version that the new one does not list: those a commit removes. */
  private static List<String> retired(String previous, List<String> kept) {
    return previous == null ? List.of() : PartitionManifest.fileNames(previous).stream()
        .filter(n -> !kept.contains(n)).toList();
  }

  /**
   * Data files in the partition that neither version lists: not this run's to delete (a manifest
   * lost by hand or a sync tool, another tool's output). Named in a warning, left in place.
   */
  private static List<String> strangers(String folder, List<String> own, List<String> retired)
      throws IOException {
    List<String> unknown = new ArrayList<>();
    for (var m : LakeFiles.match(folder + "/*.parquet")) {
      String name = m.resourceId().getFilename();
      if (!own.contains(name) && !retired.contains(name)) {
        unknown.add(name);
      }
    }
    return unknown.isEmpty() ? List.of() : List.of(unknown.size() + " data file(s) no manifest "
        + "lists were left in " + folder + " (a glob reader counts them too): "
        + String.join(", ", unknown.stream().sorted().limit(5).toList())
        + (unknown.size() > 5 ? ", ..." : "") + "; delete them if the lake's manifests are whole");
  }

  /** The profiles of the lake's partitions the drift check compares this one with. */
  private List<PartitionProfile> baseline(String partition) throws IOException {
    List<PartitionProfile> profiles = new ArrayList<>();
    if (!spec.drift().enabled()) {
      return profiles;
    }
    for (String earlier : spec.drift().baselinePartitions(partition, spec.partitionBy())) {
      String manifest = PartitionManifest.read(spec.folder(earlier) + "/" + PartitionManifest.NAME);
      PartitionProfile p = manifest == null ? null : PartitionManifest.profile(manifest);
      if (p != null && !p.isEmpty()) {
        profiles.add(p);
      }
    }
    return profiles;
  }

  /** The window's hour files of this partition that do not exist. */
  private List<String> missingHours(String partition, List<SourceOutcome> outcomes) {
    return outcomes.stream()
        .filter(s -> s.role() == SourceOutcome.Role.WINDOW && s.status() == SourceOutcome.Status.MISSING)
        .filter(s -> s.hours().stream().anyMatch(h -> PartitionPath.ofHour(h, spec.partitionBy()).equals(partition)))
        .map(SourceOutcome::path).sorted().toList();
  }

  /** Events by type of the partitions before this one: this run's, else the lake's manifests. */
  private List<Map<String, Long>> history(String partition, Map<String, Map<String, Long>> thisRun)
      throws IOException {
    List<Map<String, Long>> history = new ArrayList<>();
    for (String earlier : PartitionPath.previous(partition, CommitSpec.HISTORY, spec.partitionBy())) {
      Map<String, Long> byType = thisRun.get(earlier);
      if (byType == null) {
        String manifest = PartitionManifest.read(spec.folder(earlier) + "/" + PartitionManifest.NAME);
        byType = manifest == null ? null : PartitionManifest.byType(manifest);
      }
      if (byType != null && !byType.isEmpty()) {
        history.add(byType);
      }
    }
    return history;
  }
}
