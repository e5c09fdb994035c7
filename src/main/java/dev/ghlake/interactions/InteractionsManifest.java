package dev.ghlake.interactions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A day of the table's commit record, {@code interactions/dt=<day>/_manifest.json}: its files
 * (readers read these, not the folder), the events runs it was built from, and its accounting.
 */
final class InteractionsManifest {
  static final String NAME = "_manifest.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private InteractionsManifest() {}

  static String of(InteractionsPlan plan, DayPlan day, List<String> files, Map<String, Long> counts) {
    ObjectNode m = JSON.createObjectNode();
    m.put("table", "interactions");
    m.put("partition", "dt=" + day.day());
    m.put("status", day.sourceComplete() ? "complete" : "incomplete");
    m.put("run_id", plan.runId());
    m.put("ghlake_version", plan.version());
    m.put("finished_at", Instant.now().toString());
    ArrayNode runs = m.putArray("source_runs");
    day.sourceRuns().forEach(runs::add);
    m.put("bot_daily_interactions", plan.botDailyInteractions());
    ArrayNode listed = m.putArray("files");
    files.forEach(f -> listed.addObject().put("path", f));
    ObjectNode c = m.putObject("counts");
    c.put("events_read", day.events());
    ObjectNode kinds = JSON.createObjectNode();
    counts.forEach((name, n) -> {
      if (name.startsWith(DayCounts.KIND)) {
        kinds.put(name.substring(DayCounts.KIND.length()), n);
      } else {
        c.put(name, n);
      }
    });
    c.set("events_by_kind", kinds);
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(m);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a manifest of plain values did not serialise", e);
    }
  }
}
