package dev.ghlake.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Several runs reported as one (a backfill, a Lambda invocation with catch-up): each unit's
 * outcome (a run, a window another run held, a window left for later), the totals, and the
 * status that follows. Slack hears about the batch once.
 */
public final class BatchSummary {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** What became of one unit of the batch: a run, or why there was none. */
  public record Unit(String window, RunSummary run, String notRun) {}

  private final String kind;
  private final List<Unit> units = new ArrayList<>();
  private final List<String> alreadyComplete = new ArrayList<>();
  private double seconds;
  private String notifyError;

  /** {@code kind}: what the batch is, as reports name it ("backfill", "Lambda invocation"). */
  public BatchSummary(String kind) {
    this.kind = kind;
  }

  public void ran(String window, RunSummary run) {
    units.add(new Unit(window, run, null));
  }

  /** A unit not run, with why ("another run holds it", "left for the next invocation"…). */
  public void notRun(String window, String why) {
    units.add(new Unit(window, null, why));
  }

  /** A unit skipped because the lake holds it complete already. */
  public void complete(String window) {
    alreadyComplete.add(window);
  }

  public void seconds(double value) {
    this.seconds = value;
  }

  public List<Unit> units() {
    return List.copyOf(units);
  }

  public List<RunSummary> runs() {
    return units.stream().filter(u -> u.run() != null).map(Unit::run).toList();
  }

  public List<String> alreadyComplete() {
    return List.copyOf(alreadyComplete);
  }

  public String kind() {
    return kind;
  }

  public double seconds() {
    return seconds;
  }

  /** Failed if a run failed; incomplete if one was, or a unit was not run; else success. */
  public RunSummary.Status status() {
    if (runs().stream().anyMatch(r -> r.status() == RunSummary.Status.failed && !r.isRefused())) {
      return RunSummary.Status.failed;
    }
    boolean whole = units.stream().allMatch(u -> u.run() != null && u.run().status() == RunSummary.Status.success);
    return whole ? RunSummary.Status.success : RunSummary.Status.incomplete;
  }

  public long read() {
    return runs().stream().mapToLong(RunSummary::read).sum();
  }

  public long written() {
    return runs().stream().mapToLong(RunSummary::written).sum();
  }

  public long files() {
    return runs().stream().mapToLong(RunSummary::files).sum();
  }

  public long bytes() {
    return runs().stream().mapToLong(RunSummary::bytes).sum();
  }

  public long partitions() {
    return runs().stream().mapToLong(r -> r.partitions().size()).sum();
  }

  /** Every unit's line for a report: {@code window: status, counts} or why it was not run. */
  public List<String> lines() {
    List<String> out = new ArrayList<>();
    for (Unit u : units) {
      out.add(u.run() == null ? u.window() + ": not run, " + u.notRun()
          : String.format("%s: %s, read %,d, written %,d%s", u.window(), u.run().status(),
              u.run().read(), u.run().written(),
              u.run().failures().isEmpty() ? "" : " (" + u.run().failures().get(0) + ")"));
    }
    return out;
  }

  public void recordNotifyError(String error) {
    this.notifyError = error;
  }

  public String notifyError() {
    return notifyError;
  }

  public String toJson() {
    ObjectNode o = JSON.createObjectNode();
    o.put("status", status().name());
    o.put("kind", kind);
    o.put("units", units.size());
    o.put("read", read());
    o.put("written", written());
    o.put("partitions", partitions());
    o.put("files", files());
    o.put("bytes", bytes());
    o.put("seconds", Math.round(seconds * 10) / 10.0);
    ArrayNode list = o.putArray("windows");
    for (Unit u : units) {
      ObjectNode w = list.addObject().put("window", u.window());
      if (u.run() == null) {
        w.put("status", "not_run").put("why", u.notRun());
      } else {
        w.set("summary", parse(u.run().toJson()));
      }
    }
    o.set("already_complete", JSON.valueToTree(alreadyComplete));
    o.put("notify_error", notifyError);
    try {
      return JSON.writeValueAsString(o);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
