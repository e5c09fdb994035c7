package dev.ghlake.transform;

import dev.ghlake.accounting.Ledger;
import dev.ghlake.accounting.Tallies;
import dev.ghlake.accounting.TallyingDoFn;
import dev.ghlake.accounting.Tally;
import dev.ghlake.model.Accounting;
import dev.ghlake.model.EventSchema;
import dev.ghlake.model.RawLine;
import dev.ghlake.model.RejectReason;
import dev.ghlake.model.Rejected;
import dev.ghlake.source.SourceNames;
import dev.ghlake.transform.normalize.EventNormalizer;
import dev.ghlake.transform.normalize.NormalizationException;
import java.util.EnumMap;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/** Parses archive lines of any era into rows of the one event schema; bad lines are dead-lettered. */
public class NormalizeEvents extends PTransform<PCollection<RawLine>, PCollection<GenericRecord>> {
  static final TupleTag<GenericRecord> EVENTS = new TupleTag<>("events") {};
  static final TupleTag<Rejected> REJECTED = new TupleTag<>("rejected") {};

  private final boolean scrubEmails;
  private final transient Ledger ledger;

  private NormalizeEvents(boolean scrubEmails, Ledger ledger) {
    this.scrubEmails = scrubEmails;
    this.ledger = ledger;
  }

  public static NormalizeEvents of(FilterOptions options, Ledger ledger) {
    return new NormalizeEvents(options.getScrubEmails(), ledger);
  }

  /** For sources whose payloads are scrubbed already (GH Archive's BigQuery rows): no second pass. */
  public static NormalizeEvents alreadyScrubbed(Ledger ledger) {
    return new NormalizeEvents(false, ledger);
  }

  @Override
  public PCollection<GenericRecord> expand(PCollection<RawLine> lines) {
    PCollectionTuple out = lines.apply("Normalize", ParDo.of(new NormalizeFn(scrubEmails))
        .withOutputTags(EVENTS, TupleTagList.of(REJECTED).and(Tallies.TAG)));
    ledger.recordRejected(out.get(REJECTED));
    ledger.recordTallies(out.get(Tallies.TAG));
    return out.get(EVENTS).setCoder(AvroCoder.of(EventSchema.SCHEMA));
  }

  static class NormalizeFn extends TallyingDoFn<RawLine, GenericRecord> {
    private final Counter normalized = Metrics.counter(Accounting.NAMESPACE, Accounting.NORMALIZED);
    private final Map<RejectReason, Counter> rejected = new EnumMap<>(RejectReason.class);
    private final boolean scrubEmails;
    private transient EventNormalizer normalizer;
    private transient String lastPath;
    private transient String lastSource;

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
      String source = sourceOf(line.source());
      try {
        GenericRecord event = normalizer.normalize(line.text());
        event.put(EventSchema.SOURCE_FILE, source);
        out.get(EVENTS).output(event);
        normalized.inc();
      } catch (NormalizationException e) {
        rejected.get(e.reason()).inc();
        tallies().add(Tally.Kind.REJECTED, e.reason().label(), "", source);
        out.get(REJECTED).output(Rejected.of(line, e.reason(), e.getMessage()));
      }
    }

    /** Lines come file by file: remember the last name instead of cutting every path. */
    private String sourceOf(String path) {
      if (!path.equals(lastPath)) {
        lastPath = path;
        lastSource = SourceNames.of(path);
      }
      return lastSource;
    }
  }
}
