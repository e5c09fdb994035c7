package dev.ghlake.training;

import dev.ghlake.stage.StagedChunk;
import dev.ghlake.stage.StagedRecords;
import dev.ghlake.stage.StagingWriter;
import java.io.IOException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TupleTag;

/**
 * A bucket of users (every row of each, from staging) into their weighted pairs, in staging again:
 * the pairs and each user's latest login in this bucket's files, each repository's latest name as
 * these users saw it in the file of the repository's bucket (settled across user buckets when the
 * set is written). Out go the files' references and the ids the pairs use, sorted (the dense
 * index maps are made of those, and only those: every index a pair's).
 */
class WeighBucketFn extends DoFn<KV<Integer, Iterable<StagedChunk>>, StagedChunk> {
  static final String PAIRS = "pairs";
  static final String USERS = "users";
  static final String ITEMS = "items";
  static final TupleTag<StagedChunk> CHUNKS = new TupleTag<>() {};
  static final TupleTag<long[]> USER_IDS = new TupleTag<>() {};
  static final TupleTag<long[]> ITEM_IDS = new TupleTag<>() {};
  /** A user's login or a repository's name with the time it was seen: (id, (name, micros)). */
  static final KvCoder<Long, KV<String, Long>> NAMED =
      KvCoder.of(VarLongCoder.of(), KvCoder.of(NullableCoder.of(StringUtf8Coder.of()), VarLongCoder.of()));

  private final ExportPlan plan;

  WeighBucketFn(ExportPlan plan) {
    this.plan = plan;
  }

  private record Pair(long actor, long repo) {}

  private static final Comparator<Pair> ORDER = Comparator.comparingLong(Pair::actor).thenComparingLong(Pair::repo);

  @ProcessElement
  public void process(@Element KV<Integer, Iterable<StagedChunk>> bucket, MultiOutputReceiver out) throws IOException {
    Map<Pair, PairWeights> pairs = new HashMap<>();
    Map<Long, KV<String, Long>> users = new HashMap<>();
    Map<Long, KV<String, Long>> items = new HashMap<>();
    StagedRecords.read(bucket.getValue(), Contribution.coder(), c -> {
      pairs.computeIfAbsent(new Pair(c.actorId(), c.repoId()), p -> new PairWeights(plan)).add(c);
      users.merge(c.actorId(), KV.of(c.activity().login(), c.activity().lastMicros()), WeighBucketFn::later);
      items.merge(c.repoId(), KV.of(c.activity().repoName(), c.activity().lastMicros()), WeighBucketFn::later);
    });
    TreeSet<Long> usedUsers = new TreeSet<>();
    TreeSet<Long> usedItems = new TreeSet<>();
    try (StagingWriter writer = new StagingWriter(plan.staging())) {
      StagedRecords.Appender<TrainingPair> staged = new StagedRecords.Appender<>(writer, TrainingPair.coder());
      // in id order, so that the set's files are the same bytes on every runner and every run
      for (Pair p : pairs.keySet().stream().sorted(ORDER).toList()) {
        PairWeights w = pairs.get(p);
        for (TrainingPair t : new TrainingPair[] {w.train(p.actor, p.repo), w.test(p.actor, p.repo)}) {
          if (t != null) {
            staged.append(PAIRS, bucket.getKey(), t);
            usedUsers.add(p.actor);
            usedItems.add(p.repo);
          }
        }
      }
      StagedRecords.Appender<KV<Long, KV<String, Long>>> named = new StagedRecords.Appender<>(writer, NAMED);
      for (long id : usedUsers) {
        named.append(USERS, bucket.getKey(), KV.of(id, users.get(id)));
      }
      for (long id : usedItems) {
        named.append(ITEMS, plan.itemBucket(id), KV.of(id, items.get(id)));
      }
      writer.finish().forEach(c -> out.get(CHUNKS).output(c));
    }
    out.get(USER_IDS).output(usedUsers.stream().mapToLong(Long::longValue).toArray());
    out.get(ITEM_IDS).output(usedItems.stream().mapToLong(Long::longValue).toArray());
  }

  /** The later of two sightings (ties: the greater name, so any order agrees). */
  static KV<String, Long> later(KV<String, Long> a, KV<String, Long> b) {
    int byTime = Long.compare(b.getValue(), a.getValue());
    return byTime > 0 || (byTime == 0 && String.valueOf(b.getKey()).compareTo(String.valueOf(a.getKey())) > 0) ? b : a;
  }
}
