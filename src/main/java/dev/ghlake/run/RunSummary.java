package dev.ghlake.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ghlake.accounting.RunLedger;
import dev.ghlake.accounting.Tally;
import dev.ghlake.secrets.Redactor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a run did, from its ledger: the identity {@code read = written + filtered + duplicates +
 * outside_window + rejected}, checked in total and per source file, what was written, what is
 * missing, and the status that follows (README, "Every event accounted for").
 */
public final class RunSummary {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** How the run ended: {@code success}, {@code incomplete} (data written, input missing) or {@code failed}. */
  public enum Status {
    success,
    incomplete,
    failed
  }

  /** The limits a run is judged by. */
  public record Limits(double maxRejectedRatio, boolean failOnMissing) {}

  private final String runId;
  private final String output;
  private final String window;
  private final RunLedger ledger;
  private final double seconds;
  private final List<String> failures = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private String notifyError;

  /** {@code ledger} is null when the run left none (then it cannot prove anything). */
  public RunSummary(String runId, String output, String window, RunLedger ledger, double seconds,
      String error, Limits limits) {
    this.runId = runId;
    this.output = output;
    this.window = window;
    this.ledger = ledger;
    this.seconds = seconds;
    if (error != null) {
      failures.add(Redactor.redact(error));
    }
    if (ledger == null) {
      failures.add("the run left no ledger: nothing it wrote can be accounted for");
      return;
    }
    judge(limits);
  }

  private void judge(Limits limits) {
    if (read() != accounted()) {
      failures.add("accounting does not add up: read " + read() + " but written " + written()
          + " + filtered " + sum(filtered()) + " + duplicates " + duplicates() + " + outside_window "
          + outsideWindow() + " + rejected " + sum(rejected()) + " = " + accounted());
    }
    ledger.unbalancedSources().forEach(s -> failures.add("source does not add up: " + s));
    double rejectedRatio = read() == 0 ? 0 : sum(rejected()) / (double) read();
    if (rejectedRatio > limits.maxRejectedRatio()) {
      failures.add(String.format("rejected %d of %d lines (%.2f%%), over --maxRejectedRatio=%s",
          sum(rejected()), read(), rejectedRatio * 100, limits.maxRejectedRatio()));
    }
    if (limits.failOnMissing() && !missingHours().isEmpty()) {
      failures.add(missingHours().size() + " archive hour(s) missing and --failOnMissing is set");
    }
    fileErrors().forEach((reason, n) ->
        warnings.add(n + " input file(s) could not be read to the end (" + reason + ")"));
    if (!missingHours().isEmpty()) {
      warnings.add(missingHours().size() + " archive hour(s) of the window missing");
    }
    if (!ledger.missingMarginFiles().isEmpty()) {
      warnings.add(ledger.missingMarginFiles().size() + " file(s) after the window not available "
          + "yet: events that arrive late in them are not in this run");
    }
    ledger.partitions().forEach(p -> p.path("warnings").forEach(w -> warnings.add(w.asText())));
  }

  public Status status() {
    if (!failures.isEmpty()) {
      return Status.failed;
    }
    return missingHours().isEmpty() && fileErrors().isEmpty() ? Status.success : Status.incomplete;
  }

  public long read() {
    return total(Tally.Kind.READ);
  }

  public long written() {
    return total(Tally.Kind.WRITTEN);
  }

  public Map<String, Long> filtered() {
    return byDetail(Tally.Kind.FILTERED);
  }

  public long duplicates() {
    return total(Tally.Kind.DUPLICATE);
  }

  public long outsideWindow() {
    return total(Tally.Kind.OUTSIDE_WINDOW);
  }

  public Map<String, Long> rejected() {
    return byDetail(Tally.Kind.REJECTED);
  }

  public Map<String, Long> fileErrors() {
    return byDetail(Tally.Kind.FILE_ERROR);
  }

  /** Everything the read events turned into; equals {@link #read()} when nothing was lost. */
  public long accounted() {
    return written() + sum(filtered()) + duplicates() + outsideWindow() + sum(rejected());
  }

  public boolean identityHolds() {
    return ledger != null && read() == accounted() && ledger.unbalancedSources().isEmpty();
  }

  public List<String> partitions() {
    return partitionResults().stream().map(p -> p.get("partition").asText()).sorted().toList();
  }

  public long files() {
    return partitionResults().stream().mapToLong(p -> p.get("files").asLong()).sum();
  }

  public long bytes() {
    return partitionResults().stream().mapToLong(p -> p.get("bytes").asLong()).sum();
  }

  public long sourceBytes() {
    return total(Tally.Kind.SOURCE_BYTES);
  }

  public List<String> missingHours() {
    return ledger == null ? List.of() : ledger.missingWindowFiles();
  }

  public List<String> failures() {
    return List.copyOf(failures);
  }

  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  public double seconds() {
    return seconds;
  }

  public String output() {
    return output;
  }

  public String runId() {
    return runId;
  }

  /** The run's window, {@code 2024-07-01T00 .. 2024-07-02T00}, or null for a run without one. */
  public String window() {
    return window;
  }

  /** Records that the Slack message could not be delivered (the data run stands). */
  public void recordNotifyError(String error) {
    this.notifyError = error == null ? null : Redactor.redact(error);
  }

  public String notifyError() {
    return notifyError;
  }

  private List<JsonNode> partitionResults() {
    return ledger == null ? List.of() : ledger.partitions();
  }

  private long total(Tally.Kind kind) {
    return ledger == null ? 0 : ledger.total(kind);
  }

  private Map<String, Long> byDetail(Tally.Kind kind) {
    return ledger == null ? Map.of() : ledger.byDetail(kind);
  }

  public String toJson() {
    ObjectNode o = JSON.createObjectNode();
    o.put("status", status().name());
    o.put("run_id", runId);
    o.put("output", output);
    o.put("window", window);
    o.put("read", read());
    o.put("written", written());
    o.set("filtered", JSON.valueToTree(filtered()));
    o.put("duplicates", duplicates());
    o.put("outside_window", outsideWindow());
    o.set("rejected", JSON.valueToTree(rejected()));
    o.set("file_errors", JSON.valueToTree(fileErrors()));
    o.put("identity_holds", identityHolds());
    o.put("partitions", partitions().size());
    o.put("files", files());
    o.put("bytes", bytes());
    o.put("source_bytes", sourceBytes());
    o.put("seconds", Math.round(seconds * 10) / 10.0);
    o.set("missing_hours", JSON.valueToTree(missingHours()));
    o.set("warnings", JSON.valueToTree(warnings));
    o.set("failures", JSON.valueToTree(failures));
    o.set("partition_list", JSON.valueToTree(partitions()));
    o.put("notify_error", notifyError);
    try {
      return JSON.writeValueAsString(o);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long sum(Map<String, Long> m) {
    return m.values().stream().mapToLong(Long::longValue).sum();
  }
}
