package dev.ghlake.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * What an invocation asks for: a scheduled load (EventBridge Scheduler passes the scheduled
 * time, {@code {"scheduledTime": "<aws.scheduler.scheduled-time>"}}; an EventBridge rule's
 * "Scheduled Event" gives it as {@code time}), or a manual run of a window,
 * {@code {"from": "...", "to": "...", "options": {"types": "PushEvent", ...}}}.
 *
 * @param scheduledTime set for a scheduled load
 * @param options for a manual run: ghlake options by their command-line names
 */
record LambdaEvent(Instant scheduledTime, String from, String to, List<String> options) {
  static final String SHAPES = "accepted events: {\"scheduledTime\": \"2024-07-02T07:15:00Z\"} "
      + "(EventBridge Scheduler, Input with <aws.scheduler.scheduled-time>), an EventBridge "
      + "\"Scheduled Event\" (its \"time\"), or {\"from\": \"2024-07-01\", \"to\": \"2024-07-02\", "
      + "\"options\": {\"types\": \"PushEvent\"}} for a manual run";

  boolean isScheduled() {
    return scheduledTime != null;
  }

  /** Reads an event; throws {@link IllegalArgumentException} naming the accepted shapes. */
  static LambdaEvent of(JsonNode event) {
    if (event == null || !event.isObject()) {
      throw new IllegalArgumentException("the event is not a JSON object; " + SHAPES);
    }
    if (event.hasNonNull("scheduledTime") || "Scheduled Event".equals(event.path("detail-type").asText())) {
      String time = event.hasNonNull("scheduledTime") ? event.get("scheduledTime").asText() : event.path("time").asText();
      try {
        return new LambdaEvent(Instant.parse(time), null, null, List.of());
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("the scheduled time '" + time + "' is not an ISO instant; " + SHAPES);
      }
    }
    if (event.hasNonNull("from")) {
      List<String> options = new ArrayList<>();
      event.path("options").fields().forEachRemaining(f -> options.add("--" + f.getKey() + "="
          + (f.getValue().isArray() ? join(f.getValue()) : f.getValue().asText())));
      if (!event.path("options").isMissingNode() && !event.path("options").isObject()) {
        throw new IllegalArgumentException("\"options\" must be an object of ghlake options; " + SHAPES);
      }
      return new LambdaEvent(null, event.get("from").asText(),
          event.hasNonNull("to") ? event.get("to").asText() : null, options);
    }
    throw new IllegalArgumentException("the event " + abbreviate(event.toString()) + " asks for nothing "
        + "ghlake knows; " + SHAPES);
  }

  private static String join(JsonNode array) {
    List<String> parts = new ArrayList<>();
    array.forEach(v -> parts.add(v.asText()));
    return String.join(",", parts);
  }

  private static String abbreviate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "…";
  }
}
