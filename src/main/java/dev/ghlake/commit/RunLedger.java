package dev.ghlake.commit;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ghlake.accounting.SourceOutcome;
import dev.ghlake.accounting.Tally;
import dev.ghlake.storage.LakeRecordException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.io.FileSystems;

/**
 * A run's ledger as the pipeline wrote it: the totals of every kind of tally, the outcome of
 * every source, the partitions it committed or kept, and the accounting identity checked source
 * by source.
 */
public final class RunLedger {
  private final Map<Tally.Kind, Map<String, Long>> byDetail = new TreeMap<>();
  private final Map<String, long[]> bySource = new TreeMap<>();
  private final List<PartitionResult> partitions;
  private final List<SourceOutcome> sources;

  private RunLedger(LedgerFile file) {
    file.entries().forEach(e -> add(e.kind(), e.detail(), e.source(), e.count()));
    partitions = List.copyOf(file.partitions());
    sources = file.sources().stream().sorted(Comparator.comparing(SourceOutcome::name)).toList();
  }

  /**
   * Reads the ledger file; throws when the pipeline did not leave one, and names the file when it
   * is not a ledger (not JSON, or a count that is no number: read as a tree, that was a silent 0).
   */
  public static RunLedger read(String path) throws IOException {
    try (InputStream in = Channels.newInputStream(
        FileSystems.open(FileSystems.matchSingleFileSpec(path).resourceId()))) {
      return new RunLedger(LedgerFile.reader().readValue(in));
    } catch (JsonProcessingException e) {
      throw new LakeRecordException(path, "not a run's ledger: " + e.getOriginalMessage(),
          "it is the run's account of what it read and wrote; restore it (S3 versioning, a backup) "
              + "or delete it: the partitions' manifests still say what the lake holds");
    }
  }

  private void add(Tally.Kind kind, String detail, String source, long count) {
    byDetail.computeIfAbsent(kind, k -> new TreeMap<>()).merge(detail, count, Long::sum);
    if (kind == Tally.Kind.READ || kind.accounts()) {
      bySource.computeIfAbsent(source, s -> new long[2])[kind == Tally.Kind.READ ? 0 : 1] += count;
    }
  }

  public long total(Tally.Kind kind) {
    return byDetail.getOrDefault(kind, Map.of()).values().stream().mapToLong(Long::longValue).sum();
  }

  /** Counts of one kind by detail (reason, type), zeros left out. */
  public Map<String, Long> byDetail(Tally.Kind kind) {
    return new TreeMap<>(byDetail.getOrDefault(kind, Map.of()));
  }

  /** Sources whose lines read differ from the lines accounted for, with both numbers. */
  public List<String> unbalancedSources() {
    List<String> out = new ArrayList<>();
    bySource.forEach((source, c) -> {
      if (c[0] != c[1]) {
        out.add(source + ": read " + c[0] + ", accounted " + c[1]);
      }
    });
    return out;
  }

  /** Every partition's result, committed or kept. */
  public List<PartitionResult> partitions() {
    return partitions;
  }

  /** Every source's outcome, by name. */
  public List<SourceOutcome> sources() {
    return sources;
  }

  /** Paths of the sources with this role and status. */
  public List<String> sourcePaths(SourceOutcome.Role role, SourceOutcome.Status status) {
    return sources.stream().filter(s -> s.role() == role && s.status() == status)
        .map(SourceOutcome::path).sorted().toList();
  }
}
