package dev.ghlake.training;

import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;

/**
 * A bucket of repositories' names, as the user buckets saw them, to each one's latest (ties: the
 * greater, so any order agrees). Grouped by bucket, not by repository: a runner handles a few
 * dozen groups instead of a group per repository.
 */
class LatestNameFn extends DoFn<KV<Integer, Iterable<KV<Long, KV<String, Long>>>>, KV<Long, String>> {
  static final int BUCKETS = 64;

  @ProcessElement
  public void process(@Element KV<Integer, Iterable<KV<Long, KV<String, Long>>>> bucket,
      OutputReceiver<KV<Long, String>> out) {
    Map<Long, KV<String, Long>> latest = new HashMap<>();
    for (KV<Long, KV<String, Long>> seen : bucket.getValue()) {
      latest.merge(seen.getKey(), seen.getValue(), (a, b) -> b.getValue() > a.getValue()
          || (b.getValue().equals(a.getValue()) && b.getKey().compareTo(a.getKey()) > 0) ? b : a);
    }
    latest.forEach((id, name) -> out.output(KV.of(id, name.getKey())));
  }
}
