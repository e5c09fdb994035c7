package dev.ghlake.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ghlake.summary.BatchSummary;
import dev.ghlake.summary.RunSummary;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One CloudWatch Embedded Metric Format line per invocation: Lambda sends the function's log to
 * CloudWatch Logs, which turns such a line into metrics, with no API call and no permission
 * (docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html).
 * The template's alarms watch {@code LoadsFailed} and {@code LoadsIncomplete}.
 */
final class LoadMetrics {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String namespace;
  private final String function;

  LoadMetrics(String namespace, String function) {
    this.namespace = namespace;
    this.function = function;
  }

  /** The line of a load that ran: its status as 0/1 counts, and its volumes. */
  String of(BatchSummary batch, long nowMillis) {
    RunSummary.Status status = batch.status();
    Map<String, Number> m = statuses(status);
    m.put("EventsRead", batch.read());
    m.put("EventsWritten", batch.written());
    m.put("PartitionsWritten", batch.partitions());
    m.put("PartitionsKept", batch.kept().size());
    m.put("MissingHours", batch.missingHours().size());
    m.put("DurationSeconds", batch.seconds());
    return line(m, nowMillis);
  }

  /** The line of an invocation that failed before it could load (bad configuration, say). */
  String failed(long nowMillis) {
    return line(statuses(RunSummary.Status.failed), nowMillis);
  }

  private static Map<String, Number> statuses(RunSummary.Status status) {
    Map<String, Number> m = new LinkedHashMap<>();
    m.put("LoadsSucceeded", status == RunSummary.Status.success ? 1 : 0);
    m.put("LoadsIncomplete", status == RunSummary.Status.incomplete ? 1 : 0);
    m.put("LoadsFailed", status == RunSummary.Status.failed ? 1 : 0);
    m.put("LoadsSuspect", status == RunSummary.Status.suspect ? 1 : 0);
    return m;
  }

  private String line(Map<String, Number> values, long nowMillis) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode aws = root.putObject("_aws");
    aws.put("Timestamp", nowMillis);
    ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
    directive.put("Namespace", namespace);
    directive.putArray("Dimensions").addArray().add("FunctionName");
    ArrayNode metrics = directive.putArray("Metrics");
    root.put("FunctionName", function);
    values.forEach((name, value) -> {
      metrics.addObject().put("Name", name).put("Unit", name.endsWith("Seconds") ? "Seconds" : "Count");
      root.putPOJO(name, value);
    });
    return root.toString();
  }
}
