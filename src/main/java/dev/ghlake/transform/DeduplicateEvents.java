package dev.ghlake.transform;

import dev.ghlake.accounting.Ledger;
import dev.ghlake.accounting.Tallies;
import dev.ghlake.accounting.TallyingDoFn;
import dev.ghlake.accounting.Tally;
import dev.ghlake.model.Accounting;
import dev.ghlake.model.EventSchema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Writes each event once: copies with the same {@code event_id} and {@code created_at} (the real
 * archive repeats some) collapse into one, the rest counted as duplicates. Each key's events come
 * out ordered by time, id, payload and source, so the copy kept and the order of rows in a file
 * are the same on every run, whatever order the runner delivered them in.
 *
 * <p>The input must be keyed so that copies share a key: the sink keys by output file, and an
 * event's file follows from its id. Grouping by that coarse key, not by event, keeps the groups
 * few (per-event keys make the DirectRunner handle one tiny bundle per event). A group, one
 * output file's rows (at most --targetRowsPerFile), is sorted in memory.
 */
public class DeduplicateEvents extends
    PTransform<PCollection<KV<String, GenericRecord>>, PCollection<KV<String, GenericRecord>>> {
  private static final TupleTag<KV<String, GenericRecord>> KEPT = new TupleTag<>("kept") {};
  private static final Comparator<GenericRecord> ORDER =
      Comparator.comparingLong((GenericRecord e) -> (Long) e.get(EventSchema.CREATED_AT))
          .thenComparing(e -> text(e, EventSchema.EVENT_ID))
          .thenComparing(e -> text(e, EventSchema.PAYLOAD))
          .thenComparing(e -> text(e, EventSchema.SOURCE_FILE));

  private final transient Ledger ledger;

  private DeduplicateEvents(Ledger ledger) {
    this.ledger = ledger;
  }

  public static DeduplicateEvents withinKey(Ledger ledger) {
    return new DeduplicateEvents(ledger);
  }

  @Override
  public PCollection<KV<String, GenericRecord>> expand(PCollection<KV<String, GenericRecord>> in) {
    PCollectionTuple out = in
        .apply("GroupByKey", GroupByKey.create())
        .apply("DropCopies", ParDo.of(new DropCopiesFn())
            .withOutputTags(KEPT, TupleTagList.of(Tallies.TAG)));
    ledger.recordTallies(out.get(Tallies.TAG));
    return out.get(KEPT).setCoder(in.getCoder());
  }

  private static String text(GenericRecord e, String field) {
    Object v = e.get(field);
    return v == null ? "" : v.toString();
  }

  static class DropCopiesFn
      extends TallyingDoFn<KV<String, Iterable<GenericRecord>>, KV<String, GenericRecord>> {
    private final Counter duplicates = Metrics.counter(Accounting.NAMESPACE, Accounting.DUPLICATES);

    @ProcessElement
    public void process(@Element KV<String, Iterable<GenericRecord>> group, MultiOutputReceiver out) {
      List<GenericRecord> events = new ArrayList<>();
      group.getValue().forEach(events::add);
      events.sort(ORDER);
      GenericRecord previous = null;
      for (GenericRecord event : events) {
        if (previous != null && sameEvent(previous, event)) {
          duplicates.inc();
          tallies().add(Tally.Kind.DUPLICATE, "",
              Tally.hourOf((Long) event.get(EventSchema.CREATED_AT)), text(event, EventSchema.SOURCE_FILE));
        } else {
          out.get(KEPT).output(KV.of(group.getKey(), event));
          previous = event;
        }
      }
    }

    private static boolean sameEvent(GenericRecord a, GenericRecord b) {
      return a.get(EventSchema.CREATED_AT).equals(b.get(EventSchema.CREATED_AT))
          && text(a, EventSchema.EVENT_ID).equals(text(b, EventSchema.EVENT_ID));
    }
  }
}
