package dev.ghlake.compare;

import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.SimpleFunction;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/** Keys (event_id, row) by a hash bucket of the id, the same bucket on both sides. */
final class Buckets extends PTransform<PCollection<KV<String, String>>, PCollection<KV<Integer, KV<String, String>>>> {
  static Buckets of() {
    return new Buckets();
  }

  @Override
  public PCollection<KV<Integer, KV<String, String>>> expand(PCollection<KV<String, String>> events) {
    return events.apply(MapElements.via(new SimpleFunction<KV<String, String>, KV<Integer, KV<String, String>>>() {
      @Override
      public KV<Integer, KV<String, String>> apply(KV<String, String> e) {
        return KV.of(Math.floorMod(e.getKey().hashCode(), CompareLakes.BUCKETS), e);
      }
    })).setCoder(KvCoder.of(VarIntCoder.of(), KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of())));
  }
}
