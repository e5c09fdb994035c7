package dev.ghlake.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ghlake.model.PayloadKeys;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a partition holds, by event type: events, actions, how many events carry each payload key
 * (and each key one level down in {@code pull_request}, {@code issue} and {@code comment}), how many have each typed column null, and the
 * payload sizes; and how many events repeated an earlier one's id ({@code _duplicates}). Built
 * from the run's {@code PROFILE} tallies (the repeats included), stored in the partition's manifest
 * as {@code "profile"}, read back from the lake as the drift check's baseline.
 */
public final class PartitionProfile {
  static final String SEP = "\t";
  static final String EVENTS = "events";
  static final String ACTION = "action=";
  static final String KEY = "key=";
  /** A key of a nested object: {@code nested=pull_request.merged}. */
  static final String NESTED_KEY = "nested=";
  static final String NULL = "null=";
  static final String BYTES = "bytes=";
  /** The profile's one key that is no event type: the events dropped as repeats of an earlier id. */
  static final String DUPLICATES = "_duplicates";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, PayloadKeys.Nested> NESTED_BY_FIELD = Arrays.stream(PayloadKeys.Nested.values())
      .collect(Collectors.toMap(n -> n.field, n -> n));

  private final Map<String, TypeProfile> types = new TreeMap<>();
  private long duplicates;

  /** One type's counts. */
  public static final class TypeProfile {
    long events;
    final Map<String, Long> actions = new TreeMap<>();
    final Map<String, Long> keys = new TreeMap<>();
    final Map<PayloadKeys.Nested, Map<String, Long>> nestedKeys = new EnumMap<>(PayloadKeys.Nested.class);
    /** Nested objects a manifest written before they were profiled says nothing of. */
    final Set<PayloadKeys.Nested> unprofiled = EnumSet.noneOf(PayloadKeys.Nested.class);
    final Map<String, Long> nulls = new TreeMap<>();
    final Map<Long, Long> sizes = new TreeMap<>(); // lowest size of a bucket → events

    /** How many events carry each key of a nested object ({@code payload.pull_request} …). */
    Map<String, Long> nested(PayloadKeys.Nested object) {
      return nestedKeys.computeIfAbsent(object, o -> new TreeMap<>());
    }

    double share(Map<String, Long> counts, String name) {
      return events == 0 ? 0 : counts.getOrDefault(name, 0L) / (double) events;
    }

    /** The median payload size, to the lower edge of its bucket (about 19 % wide). */
    long medianBytes() {
      long seen = 0;
      for (Map.Entry<Long, Long> e : sizes.entrySet()) {
        seen += e.getValue();
        if (seen * 2 >= events) {
          return e.getKey();
        }
      }
      return 0;
    }
  }

  /** Adds one {@code PROFILE} tally: its detail is {@code type<TAB>measure}. */
  public void add(String detail, long n) {
    int tab = detail.indexOf(SEP);
    TypeProfile t = types.computeIfAbsent(detail.substring(0, tab), k -> new TypeProfile());
    String m = detail.substring(tab + 1);
    if (m.equals(EVENTS)) {
      t.events += n;
    } else if (m.startsWith(ACTION)) {
      t.actions.merge(m.substring(ACTION.length()), n, Long::sum);
    } else if (m.startsWith(KEY)) {
      t.keys.merge(m.substring(KEY.length()), n, Long::sum);
    } else if (m.startsWith(NESTED_KEY)) {
      int dot = m.indexOf('.', NESTED_KEY.length());
      PayloadKeys.Nested o = NESTED_BY_FIELD.get(m.substring(NESTED_KEY.length(), dot));
      t.nested(o).merge(m.substring(dot + 1), n, Long::sum);
    } else if (m.startsWith(NULL)) {
      t.nulls.merge(m.substring(NULL.length()), n, Long::sum);
    } else if (m.startsWith(BYTES)) {
      t.sizes.merge(PayloadSizes.lowest(Integer.parseInt(m.substring(BYTES.length()))), n, Long::sum);
    }
  }

  /** Events of the partition that repeated an earlier event's id (counted, not written). */
  public void addDuplicates(long n) {
    duplicates += n;
  }

  long duplicates() {
    return duplicates;
  }

  public boolean isEmpty() {
    return types.isEmpty();
  }

  Set<String> types() {
    return types.keySet();
  }

  TypeProfile type(String name) {
    return types.get(name);
  }

  long events() {
    return types.values().stream().mapToLong(t -> t.events).sum();
  }

  /** The profile as the manifest stores it. */
  public ObjectNode toJson() {
    ObjectNode out = JSON.createObjectNode();
    types.forEach((name, t) -> {
      ObjectNode o = out.putObject(name);
      o.put("events", t.events);
      o.set("actions", JSON.valueToTree(t.actions));
      o.set("payload_keys", JSON.valueToTree(t.keys));
      for (PayloadKeys.Nested n : PayloadKeys.Nested.values()) {
        o.set(n.field + "_keys", JSON.valueToTree(t.nested(n)));
      }
      o.set("nulls", JSON.valueToTree(t.nulls));
      o.set("payload_bytes", JSON.valueToTree(t.sizes));
      o.put("median_payload_bytes", t.medianBytes());
    });
    out.put(DUPLICATES, duplicates);
    return out;
  }

  /** A profile as a manifest stored it (empty for manifests written before profiles). */
  public static PartitionProfile fromJson(JsonNode profile) {
    PartitionProfile p = new PartitionProfile();
    p.duplicates = profile.path(DUPLICATES).asLong(); // 0 in manifests written before it was counted
    profile.fields().forEachRemaining(e -> {
      if (e.getKey().equals(DUPLICATES)) {
        return;
      }
      TypeProfile t = new TypeProfile();
      JsonNode o = e.getValue();
      t.events = o.path("events").asLong();
      read(o.path("actions"), t.actions);
      read(o.path("payload_keys"), t.keys);
      for (PayloadKeys.Nested n : PayloadKeys.Nested.values()) {
        if (!o.has(n.field + "_keys")) {
          t.unprofiled.add(n); // issue and comment keys were profiled later than the rest
        }
        read(o.path(n.field + "_keys"), t.nested(n));
      }
      read(o.path("nulls"), t.nulls);
      o.path("payload_bytes").fields().forEachRemaining(
          s -> t.sizes.put(Long.parseLong(s.getKey()), s.getValue().asLong()));
      p.types.put(e.getKey(), t);
    });
    return p;
  }

  private static void read(JsonNode counts, Map<String, Long> into) {
    counts.fields().forEachRemaining(c -> into.put(c.getKey(), c.getValue().asLong()));
  }
}
