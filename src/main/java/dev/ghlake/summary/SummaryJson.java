package dev.ghlake.summary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ghlake.model.RunIds;
import dev.ghlake.model.Version;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The summaries as users read them (--summaryFile, the Lambda response): one shape for a run, one
 * for a batch of runs, which holds its runs' trees as they are.
 */
final class SummaryJson {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SummaryJson() {}

  static String of(RunSummary s) {
    return write(tree(s));
  }

  static String of(BatchSummary b) {
    return write(tree(b));
  }

  /** Raised when a field changes meaning or goes; new fields keep it (docs/accounting.md). */
  static final int SCHEMA_VERSION = 1;

  private static ObjectNode tree(RunSummary s) {
    ObjectNode o = JSON.createObjectNode();
    o.put("schema_version", SCHEMA_VERSION);
    o.put("ghlake_version", Version.of());
    Instant started = RunIds.startOf(s.runId());
    o.put("started_at", started == null ? null : started.toString());
    o.put("finished_at", finishedAt(started, s.seconds()));
    o.put("status", s.status().name());
    o.put("run_id", s.runId());
    o.put("output", s.output());
    o.put("window", s.window());
    o.put("counts_from", s.hasLedger() ? "ledger" : "live counters (the run failed)");
    o.put("refused", s.isRefused());
    o.put("read", s.read());
    o.put("recovered_from_shared_lines", s.recoveredFromSharedLines());
    o.put("written", s.written());
    o.set("filtered", JSON.valueToTree(s.filtered()));
    o.put("duplicates", s.duplicates());
    o.put("outside_window", s.outsideWindow());
    o.put("outside_window_other_era", s.otherEra());
    o.set("rejected", JSON.valueToTree(s.rejected()));
    o.set("file_errors", JSON.valueToTree(s.brokenSources()));
    o.put("identity_holds", s.identityHolds());
    o.put("partitions", s.partitions().size());
    o.put("files", s.files());
    o.put("bytes", s.bytes());
    o.put("source_bytes", s.sourceBytes());
    o.put("seconds", tenths(s.seconds()));
    o.put("startup_seconds", s.startupSeconds() == null ? null : Math.round(s.startupSeconds() * 100) / 100.0);
    o.set("missing_hours", JSON.valueToTree(s.missingHours()));
    o.set("partitions_kept", JSON.valueToTree(s.kept()));
    o.set("partitions_incomplete", JSON.valueToTree(s.incompletePartitions()));
    o.set("warnings", JSON.valueToTree(s.warnings()));
    o.set("findings", JSON.valueToTree(s.findings()));
    o.set("failures", JSON.valueToTree(s.failures()));
    o.set("partition_list", JSON.valueToTree(s.partitions()));
    o.put("table", s.table());
    o.set("cost", JSON.valueToTree(s.cost().fields()));
    o.put("notify_error", s.notifyError());
    return o;
  }

  private static ObjectNode tree(BatchSummary b) {
    ObjectNode o = JSON.createObjectNode();
    o.put("status", b.status().name());
    o.put("kind", b.kind());
    o.put("report", b.report());
    o.set("cost", JSON.valueToTree(b.cost().fields()));
    o.put("units", b.units().size());
    for (BatchSummary.UnitStatus s : BatchSummary.UnitStatus.values()) {
      o.put("units_" + s.name(), b.count(s));
    }
    o.put("read", b.read());
    o.put("written", b.written());
    o.put("partitions", b.partitions());
    o.put("files", b.files());
    o.put("bytes", b.bytes());
    o.put("identity_holds", b.identityHolds());
    o.put("seconds", tenths(b.seconds()));
    ArrayNode list = o.putArray("windows");
    for (BatchSummary.Unit u : b.attempted()) {
      list.addObject().put("window", u.window()).put("status", u.status().name())
          .put("written", u.written()).put("partitions", u.partitions()).put("run_id", u.runId())
          .put("why", u.note());
    }
    o.set("already_complete", JSON.valueToTree(b.units().stream()
        .filter(u -> u.status() == BatchSummary.UnitStatus.complete).map(BatchSummary.Unit::window).toList()));
    o.set("missing_hours", JSON.valueToTree(b.missingHours()));
    o.set("failures", JSON.valueToTree(b.failures()));
    ArrayNode runs = o.putArray("runs");
    b.runs().forEach(r -> runs.add(tree(r)));
    o.put("notify_error", b.notifyError());
    return o;
  }

  /**
   * When the run ended: its start and its measured seconds (to the second, as started_at), so that
   * a reader of the summary alone can place the run on a timeline without a clock of its own.
   */
  static String finishedAt(Instant started, double seconds) {
    return started == null ? null : started.plusSeconds(Math.round(seconds)).toString();
  }

  private static double tenths(double seconds) {
    return Math.round(seconds * 10) / 10.0;
  }

  private static String write(ObjectNode o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
