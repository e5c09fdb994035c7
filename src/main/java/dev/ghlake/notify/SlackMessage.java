package dev.ghlake.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ghlake.run.BatchSummary;
import dev.ghlake.run.RunSummary;
import dev.ghlake.secrets.Redactor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A run's Slack message in Block Kit: the status at a glance, the counts, where the data is, and
 * what went wrong. Within Slack's limits (a section ≤ 3,000 characters, ≤ 50 blocks, ≤ 10 fields
 * of ≤ 2,000), long lists cut with "… and N more". Every text passes the secret redactor.
 */
public final class SlackMessage {
  static final int SECTION_LIMIT = 3_000;
  static final int FIELD_LIMIT = 2_000;
  static final int LIST_LIMIT = 10;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String text;
  private final List<ObjectNode> blocks = new ArrayList<>();

  private SlackMessage(String text) {
    this.text = text;
  }

  public static SlackMessage of(RunSummary s, String version) {
    String status = switch (s.status()) {
      case success -> ":white_check_mark: ghlake run succeeded";
      case incomplete -> ":warning: ghlake run incomplete";
      case suspect -> ":mag: ghlake run suspect: GH Archive's data drifted";
      case failed -> ":x: ghlake run failed";
    };
    SlackMessage m = new SlackMessage(Redactor.redact(String.format(
        "%s: read %,d, written %,d, filtered %,d, rejected %,d, duplicates %,d%s → %s",
        status.substring(status.indexOf(' ') + 1), s.read(), s.written(), sum(s.filtered()),
        sum(s.rejected()), s.duplicates(), s.window() == null ? "" : " (window " + s.window() + ")",
        s.output())));
    m.header(status);
    m.fields(
        "*Window*\n" + (s.window() == null ? "none" : code(s.window())),
        "*Output*\n" + code(s.output()),
        String.format("*Read*\n%,d", s.read()),
        String.format("*Written*\n%,d", s.written()),
        String.format("*Filtered*\n%,d%s", sum(s.filtered()), top(s.filtered())),
        String.format("*Rejected*\n%,d%s", sum(s.rejected()), top(s.rejected())),
        String.format("*Duplicates*\n%,d", s.duplicates()),
        String.format("*Outside window*\n%,d", s.outsideWindow()),
        String.format("*Partitions · files*\n%,d · %,d (%,.1f MB)", s.partitions().size(), s.files(), s.bytes() / 1e6),
        String.format("*Duration*\n%.1f s", s.seconds()));
    m.list(":x: Failed", s.failures());
    m.list(":hole: Missing hours", s.missingHours());
    m.list(":lock: Partitions kept as the lake had them", s.kept());
    m.list(":jigsaw: Partitions written incomplete", s.incompletePartitions());
    m.list(":mag: Drift against the lake's baseline", s.findingLines());
    m.list(":warning: Warnings", s.warnings());
    m.context("run " + s.runId() + " · ghlake " + version + " · accounting "
        + (!s.hasLedger() ? "not proven: the run failed before its ledger"
            : s.identityHolds() ? "adds up" : "DOES NOT add up") + " · cost " + s.cost().describe());
    return m;
  }

  /**
   * A batch's one message (a backfill, a Lambda invocation): a batch of a single run of a single
   * unit is that run's own message.
   */
  public static SlackMessage of(BatchSummary b, String version) {
    // one window, one run, the same verdict: the run's own message says it all (a unit can
    // differ from its run, e.g. a missing hour of the run that is outside the unit)
    SlackMessage m = b.attempted().size() == 1 && b.runs().size() == 1 && b.runs().get(0).status() == b.status()
        ? of(b.runs().get(0), version) : batch(b, version);
    if (b.cost().lambdaGbSeconds() > 0) {
      m.context(":moneybag: This invocation cost " + b.cost().describe());
    }
    if (b.report() != null) {
      m.context(":bar_chart: Health report: " + b.report());
    }
    return m;
  }

  private static SlackMessage batch(BatchSummary b, String version) {
    String status = switch (b.status()) {
      case success -> ":white_check_mark: ghlake " + b.kind() + " succeeded";
      case incomplete -> ":warning: ghlake " + b.kind() + " incomplete";
      case suspect -> ":mag: ghlake " + b.kind() + " suspect: GH Archive's data drifted";
      case failed -> ":x: ghlake " + b.kind() + " failed";
    };
    long done = b.count(BatchSummary.UnitStatus.success) + b.count(BatchSummary.UnitStatus.complete);
    SlackMessage m = new SlackMessage(Redactor.redact(String.format("%s: %d of %d unit(s) complete, "
        + "read %,d, written %,d", status.substring(status.indexOf(' ') + 1), done, b.units().size(),
        b.read(), b.written())));
    m.header(status);
    m.fields(
        String.format("*Units*\n%,d of %,d complete (%,d already were)", done, b.units().size(),
            b.count(BatchSummary.UnitStatus.complete)),
        String.format("*Failed · incomplete · not run*\n%,d · %,d · %,d", b.count(BatchSummary.UnitStatus.failed),
            b.count(BatchSummary.UnitStatus.incomplete), b.count(BatchSummary.UnitStatus.not_run)),
        String.format("*Read*\n%,d", b.read()),
        String.format("*Written*\n%,d", b.written()),
        String.format("*Partitions · files*\n%,d · %,d (%,.1f MB)", b.partitions(), b.files(), b.bytes() / 1e6),
        String.format("*Duration*\n%.1f s", b.seconds()),
        String.format("*Cost*\n$%.4f", b.cost().totalUsd()));
    m.list(":x: Failed", b.failures());
    m.list(":hole: Missing hours", b.missingHours());
    m.list(":lock: Partitions kept as the lake had them", b.kept());
    m.list(":mag: Drift against the lake's baseline",
        b.runs().stream().flatMap(r -> r.findingLines().stream()).toList());
    m.list(":clipboard: Units", b.linesWorthReading());
    m.context("ghlake " + version + " · " + b.units().size() + " unit(s) · " + b.runs().size()
        + " run(s) · accounting " + (b.identityHolds() ? "adds up" : "not proven for every run"));
    return m;
  }

  /** A new message: its plain-text fallback (for notifications), then blocks added in order. */
  public static SlackMessage titled(String fallback) {
    return new SlackMessage(Redactor.redact(fallback));
  }

  public void header(String title) {
    ObjectNode b = block("header");
    b.putObject("text").put("type", "plain_text").put("text", title).put("emoji", true);
  }

  /** A section of up to 10 mrkdwn fields ("*Label*\nvalue"). */
  public void fields(String... texts) {
    ArrayNode fields = block("section").putArray("fields");
    for (String t : texts) {
      fields.addObject().put("type", "mrkdwn").put("text", cut(Redactor.redact(t), FIELD_LIMIT));
    }
  }

  /**
   * A titled list, as plain text: paths, globs and error messages hold {@code *} and {@code _},
   * which mrkdwn would turn into formatting and drop.
   */
  public void list(String title, List<String> items) {
    if (items.isEmpty()) {
      return;
    }
    StringBuilder body = new StringBuilder(title).append(':');
    int shown = Math.min(items.size(), LIST_LIMIT);
    for (int i = 0; i < shown; i++) {
      body.append("\n• ").append(items.get(i));
    }
    if (items.size() > shown) {
      body.append("\n… and ").append(items.size() - shown).append(" more");
    }
    block("section").putObject("text").put("type", "plain_text").put("emoji", true)
        .put("text", cut(Redactor.redact(body.toString()), SECTION_LIMIT));
  }

  public void context(String note) {
    block("context").putArray("elements").addObject().put("type", "mrkdwn").put("text", Redactor.redact(note));
  }

  private ObjectNode block(String type) {
    ObjectNode b = JSON.createObjectNode().put("type", type);
    blocks.add(b);
    return b;
  }

  /** A value shown as code, so mrkdwn leaves its {@code *} and {@code _} alone. */
  public static String code(String value) {
    return "`" + value.replace('`', '\'') + "`";
  }

  /** Cuts text to a limit, saying so. */
  static String cut(String text, int limit) {
    String more = "… (cut)";
    return text.length() <= limit ? text : text.substring(0, limit - more.length()) + more;
  }

  private static String top(Map<String, Long> byReason) {
    return byReason.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(3).map(e -> String.format("\n%s %,d", e.getKey(), e.getValue()))
        .reduce("", String::concat);
  }

  private static long sum(Map<String, Long> m) {
    return m.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The webhook payload: blocks, and the plain-text fallback. */
  public String toJson() {
    ObjectNode payload = JSON.createObjectNode().put("text", text);
    payload.putArray("blocks").addAll(blocks);
    return payload.toString();
  }

  /** The same message for a terminal, when no webhook is configured. */
  public String toConsole() {
    StringBuilder out = new StringBuilder("--- Slack message (no --slackWebhook given) ---\n");
    for (ObjectNode b : blocks) {
      if (b.has("fields")) { // "*Read*\n1,000" → "  Read: 1,000"; a `code` value shown as it is
        b.get("fields").forEach(f -> {
          String[] labelAndValue = f.get("text").asText().split("\n", 2);
          String value = labelAndValue.length < 2 ? "" : labelAndValue[1];
          value = value.startsWith("`") && value.endsWith("`") ? value.substring(1, value.length() - 1) : value;
          out.append("  ").append(labelAndValue[0].replace("*", "")).append(": ")
              .append(value.replace("\n", "\n      ")).append('\n');
        });
      } else if (b.path("type").asText().equals("context")) {
        b.findValues("text").forEach(t -> out.append(t.asText()).append('\n'));
      } else {
        JsonNode text = b.path("text");
        String t = text.path("text").asText();
        out.append(text.path("type").asText().equals("mrkdwn") ? t.replace("*", "") : t).append('\n');
      }
    }
    return out.append("---").toString();
  }
}
