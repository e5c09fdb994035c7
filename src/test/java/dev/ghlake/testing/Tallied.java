package dev.ghlake.testing;

import dev.ghlake.accounting.Tally;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.values.KV;

/** A ledger's tallies summed by "KIND" or "KIND/detail", for assertions. */
public final class Tallied {
  private Tallied() {}

  public static Map<String, Long> byKindAndDetail(Iterable<KV<String, Long>> entries) {
    Map<String, Long> out = new TreeMap<>();
    for (KV<String, Long> e : entries) {
      Tally t = Tally.parse(e.getKey());
      String key = t.detail().isEmpty() || t.kind() == Tally.Kind.SOURCE_BYTES
          || t.kind() == Tally.Kind.FILE_ROWS ? t.kind().name() : t.kind() + "/" + t.detail();
      out.merge(key, e.getValue(), Long::sum);
    }
    return out;
  }
}
