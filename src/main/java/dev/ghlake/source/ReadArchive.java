package dev.ghlake.source;

import dev.ghlake.model.RawLine;
import dev.ghlake.model.Rejected;
import dev.ghlake.source.synthetic.GenerateSyntheticEvents;
import dev.ghlake.source.synthetic.SyntheticPlan;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;

/** Reads archive lines from the source the options name; tags {@code LINES} and {@code REJECTED}. */
public class ReadArchive extends PTransform<PBegin, PCollectionTuple> {
  private final SourceOptions options;

  private ReadArchive(SourceOptions options) {
    this.options = options;
  }

  /** Checks the options now, so a bad value fails before anything runs. */
  public static ReadArchive from(SourceOptions options) {
    if (options.getSource() == SourceOptions.SourceKind.gharchive) {
      ArchiveInput.from(options);
    } else {
      plan(options);
    }
    return new ReadArchive(options);
  }

  @Override
  public PCollectionTuple expand(PBegin begin) {
    if (options.getSource() == SourceOptions.SourceKind.gharchive) {
      return begin.apply("ReadArchiveFiles", ReadArchiveFiles.of(ArchiveInput.from(options)));
    }
    PCollection<RawLine> lines = begin.apply("GenerateSyntheticEvents",
        new GenerateSyntheticEvents(plan(options), options.getSyntheticSeed()));
    PCollection<Rejected> none = begin.apply("NoRejects", Create.empty(Rejected.RejectedCoder.of()));
    return PCollectionTuple.of(ReadArchiveFiles.LINES, lines).and(ReadArchiveFiles.REJECTED, none);
  }

  private static SyntheticPlan plan(SourceOptions options) {
    return new SyntheticPlan(options.getSyntheticEvents(), options.getSyntheticHours(),
        options.getSyntheticStart());
  }
}
