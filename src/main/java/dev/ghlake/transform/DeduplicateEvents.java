package dev.ghlake.transform;

import dev.ghlake.model.Accounting;
import dev.ghlake.model.EventSchema;
import java.util.HashSet;
import java.util.Set;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * Writes each event once: copies with the same {@code event_id} and {@code created_at} (the real
 * archive repeats some) collapse into one, the rest counted as duplicates.
 *
 * <p>The input must be keyed so that copies share a key (the sink keys by file, and an event's
 * file follows from its id). Grouping by that coarse key, not by event, keeps the groups few:
 * per-event keys would make the DirectRunner handle one tiny bundle per event. Memory per group is
 * one id per event. When copies differ (not seen in the archive), the first one read is kept.
 */
public class DeduplicateEvents extends
    PTransform<PCollection<KV<String, GenericRecord>>, PCollection<KV<String, GenericRecord>>> {

  public static DeduplicateEvents withinKey() {
    return new DeduplicateEvents();
  }

  @Override
  public PCollection<KV<String, GenericRecord>> expand(PCollection<KV<String, GenericRecord>> in) {
    return in
        .apply("GroupByKey", GroupByKey.create())
        .apply("DropCopies", ParDo.of(new DropCopiesFn()))
        .setCoder(in.getCoder());
  }

  static class DropCopiesFn
      extends DoFn<KV<String, Iterable<GenericRecord>>, KV<String, GenericRecord>> {
    private final Counter duplicates = Metrics.counter(Accounting.NAMESPACE, Accounting.DUPLICATES);

    @ProcessElement
    public void process(@Element KV<String, Iterable<GenericRecord>> group,
        OutputReceiver<KV<String, GenericRecord>> out) {
      Set<String> seen = new HashSet<>();
      for (GenericRecord event : group.getValue()) {
        String identity = event.get(EventSchema.EVENT_ID) + "@" + event.get(EventSchema.CREATED_AT);
        if (seen.add(identity)) {
          out.output(KV.of(group.getKey(), event));
        } else {
          duplicates.inc();
        }
      }
    }
  }
}
