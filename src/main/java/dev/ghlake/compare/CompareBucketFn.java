package dev.ghlake.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ghlake.model.EventSchema;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.apache.avro.Schema;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Compares the events of one id bucket from both lakes, column by column ({@code source_file}
 * differs by design and is skipped). Each difference is counted under its kind and emitted.
 */
class CompareBucketFn extends DoFn<KV<Integer, CoGbkResult>, String> {
  /** GH Archive's BigQuery loader skips rows over 2 MB: their absence there is expected. */
  static final int LOADER_ROW_LIMIT = 2 * 1024 * 1024;
  static final String MATCHED = "matched";
  static final String COMPARED = "compared";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int CUT = 300;

  private final TupleTag<KV<String, String>> leftTag;
  private final TupleTag<KV<String, String>> rightTag;
  private final String left;
  private final String right;

  CompareBucketFn(TupleTag<KV<String, String>> leftTag, TupleTag<KV<String, String>> rightTag,
      String left, String right) {
    this.leftTag = leftTag;
    this.rightTag = rightTag;
    this.left = left;
    this.right = right;
  }

  /** A difference kind that the sources' known behaviour explains. */
  static boolean expected(String kind) {
    return kind.endsWith("_over_2mb");
  }

  static String onlyIn(String lake) {
    return "only_in_" + lake;
  }

  @ProcessElement
  public void process(@Element KV<Integer, CoGbkResult> bucket, OutputReceiver<String> out) throws IOException {
    Map<String, String> l = byId(bucket.getValue().getAll(leftTag));
    Map<String, String> r = byId(bucket.getValue().getAll(rightTag));
    TreeSet<String> ids = new TreeSet<>(l.keySet());
    ids.addAll(r.keySet());
    for (String id : ids) {
      String a = l.get(id);
      String b = r.get(id);
      if (a == null || b == null) {
        String present = a != null ? a : b;
        String kind = onlyIn(a != null ? left : right)
            + (a != null && present.length() > LOADER_ROW_LIMIT ? "_over_2mb" : "");
        out.output(difference(kind, id, cut(a), cut(b)));
        continue;
      }
      Metrics.counter(CompareLakes.class, COMPARED).inc();
      if (compareColumns(id, (ObjectNode) JSON.readTree(a), (ObjectNode) JSON.readTree(b), out)) {
        Metrics.counter(CompareLakes.class, MATCHED).inc();
      }
    }
  }

  /** True when every column is equal; otherwise each differing column is emitted. */
  private boolean compareColumns(String id, ObjectNode a, ObjectNode b, OutputReceiver<String> out) {
    boolean same = true;
    for (Schema.Field f : EventSchema.SCHEMA.getFields()) {
      if (f.name().equals(EventSchema.SOURCE_FILE)) {
        continue;
      }
      JsonNode x = a.get(f.name());
      JsonNode y = b.get(f.name());
      if (!Objects.equals(x, y)) {
        same = false;
        out.output(difference("column:" + f.name(), id, cut(text(x)), cut(text(y))));
      }
    }
    return same;
  }

  private String difference(String kind, String id, String a, String b) {
    Metrics.counter(CompareLakes.class, kind).inc();
    ObjectNode d = JSON.createObjectNode().put("kind", kind).put("event_id", id);
    d.put(left, a).put(right, b);
    return d.toString();
  }

  /** Events by id; a second event with the same id (none in a deduplicated lake) is a difference of its own. */
  private static Map<String, String> byId(Iterable<KV<String, String>> events) {
    Map<String, String> out = new HashMap<>();
    for (KV<String, String> e : events) {
      if (out.putIfAbsent(e.getKey(), e.getValue()) != null) {
        Metrics.counter(CompareLakes.class, "duplicate_id").inc();
      }
    }
    return out;
  }

  private static String text(JsonNode v) {
    return v == null || v.isNull() ? null : v.isTextual() ? v.textValue() : v.toString();
  }

  private static String cut(String s) {
    return s == null || s.length() <= CUT ? s : s.substring(0, CUT) + "… (" + s.length() + " chars)";
  }
}
