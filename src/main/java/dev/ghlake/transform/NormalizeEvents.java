package dev.ghlake.transform;

import dev.ghlake.model.Accounting;
import dev.ghlake.model.EventSchema;
import dev.ghlake.model.RawLine;
import dev.ghlake.model.RejectReason;
import dev.ghlake.model.Rejected;
import dev.ghlake.transform.normalize.EventNormalizer;
import dev.ghlake.transform.normalize.NormalizationException;
import java.util.EnumMap;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/** Parses archive lines of any era into rows of the one event schema; bad lines are dead-lettered. */
public class NormalizeEvents extends PTransform<PCollection<RawLine>, PCollectionTuple> {
  public static final TupleTag<GenericRecord> EVENTS = new TupleTag<>("events") {};
  public static final TupleTag<Rejected> REJECTED = new TupleTag<>("rejected") {};

  private final boolean scrubEmails;

  private NormalizeEvents(boolean scrubEmails) {
    this.scrubEmails = scrubEmails;
  }

  public static NormalizeEvents scrubbingEmails(boolean scrubEmails) {
    return new NormalizeEvents(scrubEmails);
  }

  @Override
  public PCollectionTuple expand(PCollection<RawLine> lines) {
    PCollectionTuple out = lines.apply("Normalize", ParDo.of(new NormalizeFn(scrubEmails))
        .withOutputTags(EVENTS, TupleTagList.of(REJECTED)));
    out.get(EVENTS).setCoder(AvroCoder.of(EventSchema.SCHEMA));
    out.get(REJECTED).setCoder(Rejected.RejectedCoder.of());
    return out;
  }

  static class NormalizeFn extends DoFn<RawLine, GenericRecord> {
    private final Counter normalized = Metrics.counter(Accounting.NAMESPACE, Accounting.NORMALIZED);
    private final Map<RejectReason, Counter> rejected = new EnumMap<>(RejectReason.class);
    private final boolean scrubEmails;
    private transient EventNormalizer normalizer;

    NormalizeFn(boolean scrubEmails) {
      this.scrubEmails = scrubEmails;
      for (RejectReason r : RejectReason.values()) {
        rejected.put(r, Metrics.counter(Accounting.NAMESPACE, Accounting.REJECTED_PREFIX + r.label()));
      }
    }

    @Setup
    public void setup() {
      normalizer = new EventNormalizer(scrubEmails);
    }

    @ProcessElement
    public void process(@Element RawLine line, MultiOutputReceiver out) {
      try {
        out.get(EVENTS).output(normalizer.normalize(line.text()));
        normalized.inc();
      } catch (NormalizationException e) {
        rejected.get(e.reason()).inc();
        out.get(REJECTED).output(Rejected.of(line, e.reason(), e.getMessage()));
      }
    }
  }
}
