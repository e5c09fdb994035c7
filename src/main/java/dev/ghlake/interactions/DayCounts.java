package dev.ghlake.interactions;

import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.values.KV;

/**
 * A day's counts, carried through the pipeline as {@code "<day>|<name>" -> n} so one sum adds
 * them all: what was read (the headings of {@link ClassifyFn}) and what the table got (rows, bot
 * rows, events by kind).
 */
final class DayCounts {
  static final String ROWS = "rows";
  static final String BOT_ROWS = "bot_rows";
  static final String KIND = "kind:";

  private DayCounts() {}

  static String key(String day, String name) {
    return day + "|" + name;
  }

  /** {@code "<day>|<name>" -> n} as {@code <day> -> (<name>, n)}. */
  static KV<String, KV<String, Long>> byDay(KV<String, Long> summed) {
    String k = summed.getKey();
    int bar = k.indexOf('|');
    return KV.of(k.substring(0, bar), KV.of(k.substring(bar + 1), summed.getValue()));
  }

  static Map<String, Long> toMap(Iterable<KV<String, Long>> counts) {
    Map<String, Long> out = new TreeMap<>();
    counts.forEach(kv -> out.merge(kv.getKey(), kv.getValue(), Long::sum));
    return out;
  }
}
