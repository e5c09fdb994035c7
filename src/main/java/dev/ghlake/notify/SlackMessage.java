package dev.ghlake.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ghlake.secrets.Redactor;
import java.util.ArrayList;
import java.util.List;

/**
 * A Slack message in Block Kit, built block by block (what a run says is composed by the run:
 * {@code run.RunMessage}). Within Slack's limits (a section ≤ 3,000 characters, ≤ 50 blocks, ≤ 10 fields
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
