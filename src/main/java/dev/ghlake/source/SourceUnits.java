package dev.ghlake.source;

import java.util.List;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;

/** Starts a pipeline with the plan's source units, spread over the workers before they are read. */
public class SourceUnits extends PTransform<PBegin, PCollection<SourceUnit>> {
  private final List<SourceUnit> units;

  private SourceUnits(List<SourceUnit> units) {
    this.units = units;
  }

  public static SourceUnits of(List<SourceUnit> units) {
    return new SourceUnits(units);
  }

  @Override
  public PCollection<SourceUnit> expand(PBegin begin) {
    return begin
        .apply("Units", Create.of(units).withCoder(SourceUnit.Coder.of()))
        // one unit per element: each worker takes whole files, the expensive part
        .apply("Spread", Reshuffle.viaRandomKey());
  }
}
