package dev.ghlake.accounting;

import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PInput;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.TupleTag;

/**
 * A step's elements together with the run's account, the typed input of the steps that judge by
 * it (the commit, the ledger): the summed tallies and the sources' outcomes. All three are inputs
 * of the step in the graph, as with a {@link org.apache.beam.sdk.values.PCollectionTuple}, not
 * collections a transform holds on the side.
 *
 * @param <T> the elements' type
 */
public final class WithAccount<T> implements PInput {
  private static final TupleTag<Object> ELEMENTS = new TupleTag<>("elements");
  private static final TupleTag<Object> TALLIES = new TupleTag<>("tallies");
  private static final TupleTag<Object> SOURCES = new TupleTag<>("sources");

  private final PCollection<T> elements;
  private final PCollection<KV<Tally, Long>> tallies;
  private final PCollection<SourceOutcome> sources;

  private WithAccount(PCollection<T> elements, PCollection<KV<Tally, Long>> tallies,
      PCollection<SourceOutcome> sources) {
    this.elements = elements;
    this.tallies = tallies;
    this.sources = sources;
  }

  public static <T> WithAccount<T> of(PCollection<T> elements, PCollection<KV<Tally, Long>> tallies,
      PCollection<SourceOutcome> sources) {
    return new WithAccount<>(elements, tallies, sources);
  }

  public PCollection<T> elements() {
    return elements;
  }

  /** The run's tallies, summed (SumTallies). */
  public PCollection<KV<Tally, Long>> tallies() {
    return tallies;
  }

  /** What became of each source the run read. */
  public PCollection<SourceOutcome> sources() {
    return sources;
  }

  public <O extends POutput> O apply(String name, PTransform<WithAccount<T>, O> transform) {
    return Pipeline.applyTransform(name, this, transform);
  }

  @Override
  public Pipeline getPipeline() {
    return elements.getPipeline();
  }

  @Override
  public Map<TupleTag<?>, PValue> expand() {
    return Map.of(ELEMENTS, elements, TALLIES, tallies, SOURCES, sources);
  }
}
