package dev.ghlake.transform;

import dev.ghlake.accounting.Ledger;
import dev.ghlake.accounting.Tallies;
import dev.ghlake.accounting.TallyingDoFn;
import dev.ghlake.accounting.Tally;
import dev.ghlake.model.Accounting;
import dev.ghlake.model.EventSchema;
import java.util.EnumMap;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/** Keeps the events the filter options select; every dropped event is counted under its reason. */
public class FilterEvents extends PTransform<PCollection<GenericRecord>, PCollection<GenericRecord>> {
  private static final TupleTag<GenericRecord> KEPT = new TupleTag<>("kept") {};

  private final EventFilter filter;
  private final transient Ledger ledger;

  private FilterEvents(EventFilter filter, Ledger ledger) {
    this.filter = filter;
    this.ledger = ledger;
  }

  public static FilterEvents with(FilterOptions options, Ledger ledger) {
    return new FilterEvents(new EventFilter(options), ledger);
  }

  @Override
  public PCollection<GenericRecord> expand(PCollection<GenericRecord> events) {
    PCollectionTuple out = events.apply("Filter", ParDo.of(new FilterFn(filter))
        .withOutputTags(KEPT, TupleTagList.of(Tallies.TAG)));
    ledger.recordTallies(out.get(Tallies.TAG));
    return out.get(KEPT).setCoder(events.getCoder());
  }

  static class FilterFn extends TallyingDoFn<GenericRecord, GenericRecord> {
    private final EventFilter filter;
    private final Map<FilterReason, Counter> dropped = new EnumMap<>(FilterReason.class);

    FilterFn(EventFilter filter) {
      this.filter = filter;
      for (FilterReason r : FilterReason.values()) {
        dropped.put(r, Metrics.counter(Accounting.NAMESPACE, Accounting.FILTERED_PREFIX + r.label()));
      }
    }

    @ProcessElement
    public void process(@Element GenericRecord event, MultiOutputReceiver out) {
      FilterReason reason = filter.reasonToDrop(event);
      if (reason == null) {
        out.get(KEPT).output(event);
        return;
      }
      dropped.get(reason).inc();
      tallies().add(Tally.Kind.FILTERED, reason.label(),
          Tally.hourOf((Long) event.get(EventSchema.CREATED_AT)),
          String.valueOf(event.get(EventSchema.SOURCE_FILE)));
    }
  }
}
