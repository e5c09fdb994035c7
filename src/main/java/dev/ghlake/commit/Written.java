package dev.ghlake.commit;

import dev.ghlake.accounting.Tallies;
import dev.ghlake.accounting.Tally;
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

/** What writing the partition files gives: the files, and the tallies of rows written and copies dropped. */
public final class Written implements POutput {
  public static final TupleTag<WrittenFile> FILES = new TupleTag<>("files") {};

  private final PCollectionTuple tuple;

  public Written(PCollectionTuple tuple) {
    tuple.get(FILES).setCoder(WrittenFile.coder());
    tuple.get(Tallies.TAG).setCoder(Tallies.CODER);
    this.tuple = tuple;
  }

  public PCollection<WrittenFile> files() {
    return tuple.get(FILES);
  }

  public PCollection<KV<Tally, Long>> tallies() {
    return tuple.get(Tallies.TAG);
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
