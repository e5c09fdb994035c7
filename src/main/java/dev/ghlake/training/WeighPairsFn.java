package dev.ghlake.training;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TupleTag;

/**
 * A bucket of users' rows (every row of each of its users) into weighted pairs, each user's
 * latest login ({@link #USERS}), and the latest name of each repository as these rows saw it
 * ({@link #ITEMS}, settled across buckets later).
 */
class WeighPairsFn extends DoFn<KV<Integer, Iterable<Contribution>>, TrainingPair> {
  static final TupleTag<TrainingPair> PAIRS = new TupleTag<>() {};
  static final TupleTag<KV<Long, String>> USERS = new TupleTag<>() {};
  static final TupleTag<KV<Long, KV<String, Long>>> ITEMS = new TupleTag<>() {};

  private final ExportPlan plan;
  private final Counter train = Metrics.counter(ExportPipeline.class, "train_pairs");
  private final Counter test = Metrics.counter(ExportPipeline.class, "test_pairs");

  WeighPairsFn(ExportPlan plan) {
    this.plan = plan;
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }

  private record Pair(long actor, long repo) {}

  private record Named(String name, long micros) {
    Named later(Named o) {
      return o.micros > micros || (o.micros == micros && String.valueOf(o.name).compareTo(String.valueOf(name)) > 0) ? o : this;
    }
  }

  @ProcessElement
  public void process(@Element KV<Integer, Iterable<Contribution>> bucket, MultiOutputReceiver out) {
    Map<Pair, PairWeights> pairs = new HashMap<>();
    Map<Long, Named> users = new HashMap<>();
    Map<Long, Named> items = new HashMap<>();
    for (Contribution c : bucket.getValue()) {
      pairs.computeIfAbsent(new Pair(c.actorId(), c.repoId()), p -> new PairWeights(plan)).add(c);
      users.merge(c.actorId(), new Named(c.activity().login(), c.activity().lastMicros()), Named::later);
      items.merge(c.repoId(), new Named(c.activity().repoName(), c.activity().lastMicros()), Named::later);
    }
    Set<Long> usedUsers = new HashSet<>();
    Set<Long> usedItems = new HashSet<>();
    pairs.forEach((p, w) -> {
      for (TrainingPair t : new TrainingPair[] {w.train(p.actor, p.repo), w.test(p.actor, p.repo)}) {
        if (t != null) {
          out.get(PAIRS).output(t);
          (t.test() ? test : train).inc();
          usedUsers.add(p.actor);
          usedItems.add(p.repo);
        }
      }
    });
    // the index maps hold what the pairs use, and only that: dense, every index a row's
    usedUsers.forEach(id -> out.get(USERS).output(KV.of(id, nonNull(users.get(id).name))));
    usedItems.forEach(id -> out.get(ITEMS).output(KV.of(id, KV.of(nonNull(items.get(id).name), items.get(id).micros))));
  }
}
