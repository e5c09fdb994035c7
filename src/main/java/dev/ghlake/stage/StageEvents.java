package dev.ghlake.stage;

import dev.ghlake.accounting.SourceOutcome;
import dev.ghlake.accounting.Tallies;
import dev.ghlake.accounting.Tally;
import dev.ghlake.accounting.TallyingDoFn;
import dev.ghlake.model.Counters;
import dev.ghlake.model.RejectReason;
import dev.ghlake.model.Rejected;
import dev.ghlake.source.ArchiveReader;
import dev.ghlake.source.ReadSettings;
import dev.ghlake.source.SourceUnit;
import dev.ghlake.transform.EventShaper;
import java.io.IOException;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Reads each source unit and appends its rows to staging in one step (read, shape, stage), so
 * no event ever waits in memory between steps: only chunk references, tallies, dead letters and
 * the unit's outcome leave it.
 */
public class StageEvents extends PTransform<PCollection<SourceUnit>, Staged> {
  private final ReadSettings read;
  private final EventShaper shaper;
  private final StagingPlan staging;

  private StageEvents(ReadSettings read, EventShaper shaper, StagingPlan staging) {
    this.read = read;
    this.shaper = shaper;
    this.staging = staging;
  }

  public static StageEvents with(ReadSettings read, EventShaper shaper, StagingPlan staging) {
    return new StageEvents(read, shaper, staging);
  }

  @Override
  public Staged expand(PCollection<SourceUnit> units) {
    return Staged.of(units.apply("ReadShapeStage", ParDo.of(new StageUnitFn(read, shaper, staging))
        .withOutputTags(Staged.CHUNKS,
            TupleTagList.of(Staged.REJECTED).and(Tallies.TAG).and(Staged.SOURCES))));
  }

  /** One unit: read to its end, every line shaped and staged or counted. */
  static class StageUnitFn extends TallyingDoFn<SourceUnit, StagedChunk> {
    private final ReadSettings read;
    private final EventShaper shaper;
    private final StagingPlan staging;
    private final Counter opened = Metrics.counter(Counters.NAMESPACE, Counters.SOURCES_OPENED);
    private final Counter done = Metrics.counter(Counters.NAMESPACE, Counters.SOURCES_DONE);
    private final Counter bytes = Metrics.counter(Counters.NAMESPACE, Counters.BYTES_READ);
    private final Distribution firstRead = Metrics.distribution(Counters.NAMESPACE, Counters.FIRST_READ);
    private transient ArchiveReader reader;

    StageUnitFn(ReadSettings read, EventShaper shaper, StagingPlan staging) {
      this.read = read;
      this.shaper = shaper;
      this.staging = staging;
    }

    @Setup
    public void setup() {
      reader = new ArchiveReader(read);
    }

    @ProcessElement
    public void process(@Element SourceUnit unit, MultiOutputReceiver out) throws IOException {
      Stager stager = new Stager(shaper, staging, tallies());
      stager.from(unit.name(), unit.location(), out.get(Staged.REJECTED)::output);
      opened.inc();
      long openedAt = System.currentTimeMillis();
      try {
        SourceOutcome outcome = reader.read(unit, stager);
        if (outcome.lines() > 0) { // a missing or empty hour is no first read
          firstRead.update(openedAt);
        }
        for (StagedChunk chunk : stager.finish()) {
          out.get(Staged.CHUNKS).output(chunk);
        }
        tallies().add(new Tally(Tally.Kind.READ, "", "", unit.name()), outcome.lines() - stager.recovered());
        tallies().add(new Tally(Tally.Kind.READ, Tally.SHARED_LINE, "", unit.name()), stager.recovered());
        if (outcome.status() == SourceOutcome.Status.BROKEN) {
          out.get(Staged.REJECTED).output(new Rejected(unit.location(), outcome.lines() + 1,
              RejectReason.UNREADABLE_FILE, outcome.error(), ""));
        }
        out.get(Staged.SOURCES).output(outcome);
        bytes.inc(outcome.bytes());
      } catch (IOException | RuntimeException e) {
        stager.abort();
        throw e;
      } finally {
        done.inc();
      }
    }

    @Teardown
    public void teardown() {
      if (reader != null) {
        reader.close();
      }
    }
  }
}
