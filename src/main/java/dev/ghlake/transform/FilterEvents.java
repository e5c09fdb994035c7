package dev.ghlake.transform;

import dev.ghlake.model.Accounting;
import java.util.EnumMap;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;

/** Keeps the events the filter options select; every dropped event is counted under its reason. */
public class FilterEvents extends PTransform<PCollection<GenericRecord>, PCollection<GenericRecord>> {
  private final EventFilter filter;

  private FilterEvents(EventFilter filter) {
    this.filter = filter;
  }

  public static FilterEvents with(FilterOptions options) {
    return new FilterEvents(new EventFilter(options));
  }

  @Override
  public PCollection<GenericRecord> expand(PCollection<GenericRecord> events) {
    return events.apply("Filter", ParDo.of(new FilterFn(filter))).setCoder(events.getCoder());
  }

  static class FilterFn extends DoFn<GenericRecord, GenericRecord> {
    private final EventFilter filter;
    private final Map<FilterReason, Counter> dropped = new EnumMap<>(FilterReason.class);

    FilterFn(EventFilter filter) {
      this.filter = filter;
      for (FilterReason r : FilterReason.values()) {
        dropped.put(r, Metrics.counter(Accounting.NAMESPACE, Accounting.FILTERED_PREFIX + r.label()));
      }
    }

    @ProcessElement
    public void process(@Element GenericRecord event, OutputReceiver<GenericRecord> out) {
      FilterReason reason = filter.reasonToDrop(event);
      if (reason == null) {
        out.output(event);
      } else {
        dropped.get(reason).inc();
      }
    }
  }
}
