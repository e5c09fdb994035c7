package dev.ghlake.stage;

import dev.ghlake.accounting.SourceOutcome;
import dev.ghlake.accounting.Tallies;
import dev.ghlake.accounting.Tally;
import dev.ghlake.accounting.TallyingDoFn;
import dev.ghlake.model.RawLine;
import dev.ghlake.transform.EventShaper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Shapes and stages lines that another read produced (BigQuery's rows), bundle by bundle: the
 * same hot path as {@link StageEvents}, for sources Beam reads itself. Their outcomes are known
 * from the plan (a table is read whole or the read fails).
 */
public class StageLines extends PTransform<PCollection<RawLine>, Staged> {
  private final EventShaper shaper;
  private final StagingPlan staging;
  private final List<SourceOutcome> sources;

  private StageLines(EventShaper shaper, StagingPlan staging, List<SourceOutcome> sources) {
    this.shaper = shaper;
    this.staging = staging;
    this.sources = sources;
  }

  public static StageLines with(EventShaper shaper, StagingPlan staging, List<SourceOutcome> sources) {
    return new StageLines(shaper, staging, sources);
  }

  @Override
  public Staged expand(PCollection<RawLine> lines) {
    PCollectionTuple staged = lines.apply("ShapeStage", ParDo.of(new StageLineFn(shaper, staging))
        .withOutputTags(Staged.CHUNKS, TupleTagList.of(Staged.REJECTED).and(Tallies.TAG)));
    PCollection<SourceOutcome> outcomes = lines.getPipeline()
        .apply("Sources", Create.of(sources).withCoder(SourceOutcome.Coder.of()));
    return Staged.of(staged.and(Staged.SOURCES, outcomes));
  }

  /** Lines of a bundle go to one set of staging files, closed when the bundle ends. */
  static class StageLineFn extends TallyingDoFn<RawLine, StagedChunk> {
    private final EventShaper shaper;
    private final StagingPlan staging;
    private transient Stager stager;

    StageLineFn(EventShaper shaper, StagingPlan staging) {
      this.shaper = shaper;
      this.staging = staging;
    }

    @ProcessElement
    public void process(@Element RawLine line, MultiOutputReceiver out) {
      if (stager == null) {
        stager = new Stager(shaper, staging, tallies());
      }
      stager.from(line.source(), line.source(), out.get(Staged.REJECTED)::output);
      tallies().add(new Tally(Tally.Kind.READ, "", "", line.source()), 1);
      byte[] bytes = line.text().getBytes(StandardCharsets.UTF_8);
      stager.line(bytes, bytes.length, line.lineNumber());
    }

    @Override
    protected void finishBundle(FinishBundleContext context) throws IOException {
      if (stager != null) {
        for (StagedChunk chunk : stager.finish()) {
          context.output(chunk, BoundedWindow.TIMESTAMP_MIN_VALUE, GlobalWindow.INSTANCE);
        }
        stager = null;
      }
    }
  }
}
