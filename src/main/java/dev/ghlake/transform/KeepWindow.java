package dev.ghlake.transform;

import dev.ghlake.accounting.Ledger;
import dev.ghlake.accounting.Tallies;
import dev.ghlake.accounting.TallyingDoFn;
import dev.ghlake.accounting.Tally;
import dev.ghlake.model.Accounting;
import dev.ghlake.model.EventSchema;
import dev.ghlake.source.HourWindow;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/** Keeps the events created inside the run's window; the others are counted as outside it. */
public class KeepWindow extends PTransform<PCollection<GenericRecord>, PCollection<GenericRecord>> {
  private static final TupleTag<GenericRecord> KEPT = new TupleTag<>("kept") {};

  private final HourWindow window;
  private final transient Ledger ledger;

  private KeepWindow(HourWindow window, Ledger ledger) {
    this.window = window;
    this.ledger = ledger;
  }

  /** {@code window} may be null: then every event is kept. */
  public static KeepWindow of(HourWindow window, Ledger ledger) {
    return new KeepWindow(window, ledger);
  }

  @Override
  public PCollection<GenericRecord> expand(PCollection<GenericRecord> events) {
    if (window == null) {
      return events;
    }
    PCollectionTuple out = events.apply("InWindow", ParDo.of(
            new KeepFn(window.fromMicros(), window.toMicros()))
        .withOutputTags(KEPT, TupleTagList.of(Tallies.TAG)));
    ledger.recordTallies(out.get(Tallies.TAG));
    return out.get(KEPT).setCoder(events.getCoder());
  }

  static class KeepFn extends TallyingDoFn<GenericRecord, GenericRecord> {
    private final long from;
    private final long to;
    private final Counter outside = Metrics.counter(Accounting.NAMESPACE, Accounting.OUTSIDE_WINDOW);

    KeepFn(long from, long to) {
      this.from = from;
      this.to = to;
    }

    @ProcessElement
    public void process(@Element GenericRecord event, MultiOutputReceiver out) {
      long createdAt = (Long) event.get(EventSchema.CREATED_AT);
      if (createdAt >= from && createdAt < to) {
        out.get(KEPT).output(event);
      } else {
        outside.inc();
        tallies().add(Tally.Kind.OUTSIDE_WINDOW, "", Tally.hourOf(createdAt),
            String.valueOf(event.get(EventSchema.SOURCE_FILE)));
      }
    }
  }
}
