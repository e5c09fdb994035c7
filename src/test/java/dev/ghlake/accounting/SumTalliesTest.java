package dev.ghlake.accounting;

import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.junit.Rule;
import org.junit.Test;

/**
 * The run's ledger is the sum of every counting step's tallies: one entry per key however many
 * steps and bundles counted it, in the ledger's fixed order, and nothing for a run that counted
 * nothing (TestPipeline and PAssert, the DirectRunner's checks on).
 */
public class SumTalliesTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();

  private static KV<Tally, Long> t(Tally.Kind kind, String detail, String hour, String source, long n) {
    return KV.of(new Tally(kind, detail, hour, source), n);
  }

  private PCollection<KV<Tally, Long>> step(String name, List<KV<Tally, Long>> tallies) {
    return p.apply(name, Create.of(tallies).withCoder(Tallies.CODER));
  }

  @Test
  public void everyStepsTalliesAreSummedIntoOneEntryPerKey() {
    PCollection<KV<Tally, Long>> read = step("Read", List.of(
        t(Tally.Kind.READ, "", "", "2024-07-01-0.json.gz", 700),
        t(Tally.Kind.READ, "", "", "2024-07-01-0.json.gz", 300),
        t(Tally.Kind.READ, Tally.SHARED_LINE, "", "2024-07-01-0.json.gz", 2)));
    PCollection<KV<Tally, Long>> staged = step("Stage", List.of(
        t(Tally.Kind.REJECTED, "invalid_json", "", "2024-07-01-0.json.gz", 1),
        t(Tally.Kind.OUTSIDE_WINDOW, Tally.OTHER_ERA, "2015-01-01T00", "2014-12-31-16.json.gz", 4),
        t(Tally.Kind.OUTSIDE_WINDOW, Tally.OTHER_ERA, "2015-01-01T00", "2014-12-31-16.json.gz", 5)));
    PCollection<KV<Tally, Long>> written = step("Write", List.of(
        t(Tally.Kind.WRITTEN, "PushEvent", "2024-07-01T00", "2024-07-01-0.json.gz", 990),
        t(Tally.Kind.READ, "", "", "2024-07-01-0.json.gz", 1)));

    PCollection<KV<Tally, Long>> ledger = PCollectionList.of(read).and(staged).and(written).apply(SumTallies.create());

    PAssert.that(ledger).containsInAnyOrder(
        t(Tally.Kind.READ, "", "", "2024-07-01-0.json.gz", 1_001),
        t(Tally.Kind.READ, Tally.SHARED_LINE, "", "2024-07-01-0.json.gz", 2),
        t(Tally.Kind.WRITTEN, "PushEvent", "2024-07-01T00", "2024-07-01-0.json.gz", 990),
        t(Tally.Kind.OUTSIDE_WINDOW, Tally.OTHER_ERA, "2015-01-01T00", "2014-12-31-16.json.gz", 9),
        t(Tally.Kind.REJECTED, "invalid_json", "", "2024-07-01-0.json.gz", 1));
    p.run().waitUntilFinish();
  }

  @Test
  public void aRunThatCountedNothingHasAnEmptyLedger() {
    PCollection<KV<Tally, Long>> none = step("Nothing", List.of());
    PAssert.that(PCollectionList.of(none).apply(SumTallies.create())).empty();
    p.run().waitUntilFinish();
  }
}
