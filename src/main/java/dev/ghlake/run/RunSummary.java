package dev.ghlake.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ghlake.model.Accounting;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a run did, in numbers: the accounting identity {@code read = written + filtered +
 * duplicates + outside_window + rejected}, what was written and what is missing.
 */
public final class RunSummary {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** How the run ended: {@code success}, {@code incomplete} (data written, input missing) or {@code failed}. */
  public enum Status {
    success,
    incomplete,
    failed
  }

  private final String runId;
  private final String output;
  private final RunCounts counts;
  private final double seconds;
  private final String error;
  private final List<String> warnings = new ArrayList<>();

  public RunSummary(String runId, String output, RunCounts counts, double seconds, String error) {
    this.runId = runId;
    this.output = output;
    this.counts = counts;
    this.seconds = seconds;
    this.error = error;
    if (error == null && !identityHolds()) {
      warnings.add("accounting does not add up: read " + read() + " != accounted " + accounted());
    }
    counts.withPrefix(Accounting.FILE_ERRORS_PREFIX).forEach((reason, n) ->
        warnings.add(n + " input file(s) could not be read to the end (" + reason + ")"));
    if (!counts.set(Accounting.MISSING_FILES).isEmpty()) {
      warnings.add(counts.set(Accounting.MISSING_FILES).size() + " expected archive file(s) missing");
    }
  }

  public long read() {
    return counts.get(Accounting.READ);
  }

  public long written() {
    return counts.get(Accounting.WRITTEN);
  }

  public Map<String, Long> filtered() {
    return counts.withPrefix(Accounting.FILTERED_PREFIX);
  }

  public Map<String, Long> rejected() {
    return counts.withPrefix(Accounting.REJECTED_PREFIX);
  }

  public long duplicates() {
    return counts.get(Accounting.DUPLICATES);
  }

  /** Everything the read events turned into; equals {@link #read()} when nothing was lost. */
  public long accounted() {
    return written() + sum(filtered()) + duplicates() + sum(rejected());
  }

  public boolean identityHolds() {
    return read() == accounted();
  }

  public Status status() {
    if (error != null || !identityHolds()) {
      return Status.failed;
    }
    boolean partial = !counts.set(Accounting.MISSING_FILES).isEmpty()
        || !counts.withPrefix(Accounting.FILE_ERRORS_PREFIX).isEmpty();
    return partial ? Status.incomplete : Status.success;
  }

  public List<String> partitions() {
    return List.copyOf(counts.set(Accounting.PARTITIONS));
  }

  public long files() {
    return counts.get(Accounting.FILES_WRITTEN);
  }

  public long bytes() {
    return counts.get(Accounting.BYTES_WRITTEN);
  }

  public long bytesRead() {
    return counts.get(Accounting.BYTES_READ);
  }

  public List<String> missingFiles() {
    return List.copyOf(counts.set(Accounting.MISSING_FILES));
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

  public String error() {
    return error;
  }

  public String toJson() {
    ObjectNode o = JSON.createObjectNode();
    o.put("status", status().name());
    o.put("run_id", runId);
    o.put("output", output);
    o.put("read", read());
    o.put("written", written());
    o.set("filtered", JSON.valueToTree(filtered()));
    o.put("duplicates", duplicates());
    o.put("outside_window", 0L);
    o.set("rejected", JSON.valueToTree(rejected()));
    o.put("identity_holds", identityHolds());
    o.put("partitions", partitions().size());
    o.put("files", files());
    o.put("bytes", bytes());
    o.put("bytes_read", bytesRead());
    o.put("seconds", Math.round(seconds * 10) / 10.0);
    o.set("missing_hours", JSON.valueToTree(missingFiles()));
    o.set("warnings", JSON.valueToTree(warnings));
    o.set("partition_list", JSON.valueToTree(partitions()));
    if (error != null) {
      o.put("error", error);
    }
    try {
      return JSON.writeValueAsString(o);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  private static long sum(Map<String, Long> m) {
    return m.values().stream().mapToLong(Long::longValue).sum();
  }
}
