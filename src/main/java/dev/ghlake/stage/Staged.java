package dev.ghlake.stage;

import dev.ghlake.accounting.SourceOutcome;
import dev.ghlake.accounting.Tallies;
import dev.ghlake.accounting.Tally;
import dev.ghlake.model.Rejected;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PInput;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.TupleTag;

/** What staging gives the rest of the run: chunk references, tallies, dead letters, source outcomes. */
public final class Staged implements POutput {
  static final TupleTag<StagedChunk> CHUNKS = new TupleTag<>("chunks") {};
  static final TupleTag<Rejected> REJECTED = new TupleTag<>("rejected") {};
  static final TupleTag<SourceOutcome> SOURCES = new TupleTag<>("sources") {};

  private final PCollectionTuple tuple;

  private Staged(PCollectionTuple tuple) {
    this.tuple = tuple;
  }

  /** Wraps the four outputs of a staging step, setting their coders. */
  static Staged of(PCollectionTuple tuple) {
    tuple.get(CHUNKS).setCoder(StagedChunk.coder());
    tuple.get(REJECTED).setCoder(Rejected.RejectedCoder.of());
    tuple.get(Tallies.TAG).setCoder(Tallies.CODER);
    tuple.get(SOURCES).setCoder(SourceOutcome.Coder.of());
    return new Staged(tuple);
  }

  public PCollection<StagedChunk> chunks() {
    return tuple.get(CHUNKS);
  }

  public PCollection<KV<Tally, Long>> tallies() {
    return tuple.get(Tallies.TAG);
  }

  public PCollection<Rejected> rejected() {
    return tuple.get(REJECTED);
  }

  public PCollection<SourceOutcome> sources() {
    return tuple.get(SOURCES);
  }

  @Override
  public Pipeline getPipeline() {
    return tuple.getPipeline();
  }

  @Override
  public Map<TupleTag<?>, PValue> expand() {
    return tuple.expand();
  }

  @Override
  public void finishSpecifyingOutput(String name, PInput input, PTransform<?, ?> transform) {
    tuple.finishSpecifyingOutput(name, input, transform);
  }
}
