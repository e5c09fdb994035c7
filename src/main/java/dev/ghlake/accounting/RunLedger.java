package dev.ghlake.accounting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.util.ArrayList;
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
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<Tally.Kind, Map<String, Long>> byDetail = new TreeMap<>();
  private final Map<String, long[]> bySource = new TreeMap<>();
  private final List<JsonNode> partitions = new ArrayList<>();
  private final List<JsonNode> sources = new ArrayList<>();

  /** Reads the ledger file; throws when the pipeline did not leave one. */
  public static RunLedger read(String path) throws IOException {
    JsonNode doc;
    try (InputStream in = Channels.newInputStream(
        FileSystems.open(FileSystems.matchSingleFileSpec(path).resourceId()))) {
      doc = JSON.readTree(in);
    }
    RunLedger ledger = new RunLedger();
    doc.path("entries").forEach(e -> ledger.add(Tally.Kind.valueOf(e.get("kind").asText()),
        e.get("detail").asText(), e.get("source").asText(), e.get("count").asLong()));
    doc.path("partitions").forEach(ledger.partitions::add);
    doc.path("sources").forEach(ledger.sources::add);
    ledger.sources.sort((a, b) -> a.path("name").asText().compareTo(b.path("name").asText()));
    return ledger;
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

  /** Every partition's result: {@code partition, committed, complete, written, files, bytes, gaps, warnings}. */
  public List<JsonNode> partitions() {
    return partitions;
  }

  /** Every source's outcome: {@code name, path, hour, role, status, bytes, lines, error}. */
  public List<JsonNode> sources() {
    return sources;
  }

  /** Paths of the sources with this role and status. */
  public List<String> sourcePaths(SourceOutcome.Role role, SourceOutcome.Status status) {
    return sources.stream()
        .filter(s -> s.path("role").asText().equals(role.name()) && s.path("status").asText().equals(status.name()))
        .map(s -> s.path("path").asText()).sorted().toList();
  }
}
