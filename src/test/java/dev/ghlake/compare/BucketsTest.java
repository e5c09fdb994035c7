package dev.ghlake.compare;

import static org.junit.Assert.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.junit.Rule;
import org.junit.Test;

/**
 * An event goes to the same bucket from either lake, so a bucket's comparison sees both copies
 * of each id (TestPipeline and PAssert).
 */
public class BucketsTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();

  @Test
  public void bothCopiesOfAnIdMeetInOneBucketInRange() {
    KvCoder<String, String> coder = KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of());
    List<KV<String, String>> fromFiles = List.of(KV.of("2489651045", "files"), KV.of("2489651051", "files"),
        KV.of("1700000000001", "files"));
    List<KV<String, String>> fromBigQuery = List.of(KV.of("2489651045", "bigquery"),
        KV.of("2489651051", "bigquery"), KV.of("1700000000001", "bigquery"));
    PCollection<KV<Integer, KV<String, String>>> files = p.apply("Files", Create.of(fromFiles).withCoder(coder))
        .apply("BucketFiles", Buckets.of());
    PCollection<KV<Integer, KV<String, String>>> bigQuery = p.apply("BigQuery", Create.of(fromBigQuery)
        .withCoder(coder)).apply("BucketBigQuery", Buckets.of());

    PAssert.that(PCollectionList.of(files).and(bigQuery)
        .apply(Flatten.pCollections())
        .apply(GroupByKey.create())).satisfies(buckets -> {
          int seen = 0;
          for (KV<Integer, Iterable<KV<String, String>>> bucket : buckets) {
            assertTrue(bucket.getKey() >= 0 && bucket.getKey() < CompareLakes.BUCKETS);
            Map<String, Integer> copies = new HashMap<>();
            bucket.getValue().forEach(e -> copies.merge(e.getKey(), 1, Integer::sum));
            copies.values().forEach(n -> assertTrue("both copies of an id in one bucket", n == 2));
            seen += copies.size();
          }
          assertTrue(seen == 3);
          return null;
        });
    p.run().waitUntilFinish();
  }
}
