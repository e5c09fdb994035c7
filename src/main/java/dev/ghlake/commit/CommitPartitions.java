package dev.ghlake.commit;

import dev.ghlake.accounting.SourceOutcome;
import dev.ghlake.accounting.SumInMap;
import dev.ghlake.accounting.Tally;
import dev.ghlake.accounting.WithAccount;
import dev.ghlake.model.PartitionBy;
import dev.ghlake.model.PartitionPath;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.BooleanCoder;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Makes the written files the partitions' content, per partition: a {@code _manifest.json} (the
 * commit point), then the files of earlier versions go. A partition the run cannot vouch for
 * (an hour of it missing, empty or broken) keeps its previous version; one the windows claim is
 * committed even when the run wrote nothing to it.
 *
 * <p>Input: the written files with the run's account: its summed tallies (each partition's counts, each source's
 * events by hour, the accounting identity: a run that will fail commits nothing) and its source
 * outcomes (what it can vouch for). Output: one result per
 * partition.
 */
public class CommitPartitions extends PTransform<WithAccount<WrittenFile>, PCollection<PartitionResult>> {
  static final TupleTag<WrittenFile> FILES = new TupleTag<>("files") {};
  static final TupleTag<KV<Tally, Long>> TALLIES = new TupleTag<>("tallies") {};
  static final TupleTag<Boolean> CLAIMED = new TupleTag<>("claimed") {};

  private final CommitSpec spec;

  private CommitPartitions(CommitSpec spec) {
    this.spec = spec;
  }

  public static CommitPartitions of(CommitSpec spec) {
    return new CommitPartitions(spec);
  }

  @Override
  public PCollection<PartitionResult> expand(WithAccount<WrittenFile> input) {
    PCollection<WrittenFile> files = input.elements();
    PCollection<KV<Tally, Long>> tallies = input.tallies();
    PCollection<SourceOutcome> sources = input.sources();
    PCollection<KV<String, KV<Tally, Long>>> counts = tallies
        .apply("TalliesByPartition", ParDo.of(new ByPartitionFn(spec.partitionBy())))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), tallies.getCoder()));
    // a day's profile by hour is too many values for one key on Flink: summed first; an hour's
    // is not, and needs no sum
    PCollection<KV<String, KV<Tally, Long>>> byPartition = spec.partitionBy() == PartitionBy.hour ? counts
        : PCollectionList.of(counts).and(profilesByPartition(tallies, spec.partitionBy()))
            .apply("PartitionTallies", Flatten.pCollections());
    PCollection<KV<String, Boolean>> claims = files.getPipeline()
        .apply("WindowPartitions", Create.of(spec.windowPartitions().stream()
            .map(p -> KV.of(p, true)).toList())
            .withCoder(KvCoder.of(StringUtf8Coder.of(), BooleanCoder.of())));
    PCollectionView<List<SourceOutcome>> outcomes = sources.apply("SourcesView", View.asList());
    PCollectionView<Map<String, Map<String, Long>>> runByType =
        asMaps("RunByType", byPartition.apply("WrittenByType", ParDo.of(new WrittenByTypeFn())));
    PCollectionView<Map<String, Map<String, Long>>> sourceHours =
        asMaps("SourceHours", tallies.apply("EventsBySourceHour", ParDo.of(new SourceHourFn())));
    PCollectionView<Map<String, Map<String, Long>>> identity =
        asMaps("Identity", tallies.apply("IdentityBySource", ParDo.of(new IdentityFn())));

    return KeyedPCollectionTuple
        .of(FILES, files.apply("FilesByPartition",
            WithKeys.of(WrittenFile::partition).withKeyType(TypeDescriptors.strings())))
        .and(TALLIES, byPartition)
        .and(CLAIMED, claims)
        .apply("ByPartition", CoGroupByKey.create())
        .apply("Commit", ParDo.of(new CommitPartitionFn(spec, outcomes, runByType, sourceHours, identity))
            .withSideInputs(outcomes, runByType, sourceHours, identity))
        .setCoder(PartitionResult.coder());
  }

  /**
   * The profile tallies of each partition, summed over its hours: one per measure. A day holds
   * some 15,000 of them by hour; past 10,000 values a CoGbkResult reads its input again, which
   * Flink's batch GroupByKey refuses ("GBK result is not re-iterable"), and the profile does not
   * need the hour. Summed into one map per partition, not per (partition, measure): a day of
   * hours has some 11,000 measures, each of which the DirectRunner ran as a bundle of its own.
   */
  private static PCollection<KV<String, KV<Tally, Long>>> profilesByPartition(
      PCollection<KV<Tally, Long>> tallies, PartitionBy by) {
    return sums("SumProfileMeasures", tallies.apply("ProfileMeasures", ParDo.of(new ProfileMeasureFn(by))))
        .apply("ProfileTallies", ParDo.of(new ProfileTalliesFn()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), tallies.getCoder()));
  }

  /** A profile tally as (partition, (measure, n)). */
  static class ProfileMeasureFn extends DoFn<KV<Tally, Long>, KV<String, KV<String, Long>>> {
    private final PartitionBy by;

    ProfileMeasureFn(PartitionBy by) {
      this.by = by;
    }

    @ProcessElement
    public void process(@Element KV<Tally, Long> t, OutputReceiver<KV<String, KV<String, Long>>> out) {
      if (t.getKey().kind() == Tally.Kind.PROFILE) {
        out.output(KV.of(PartitionPath.ofHour(t.getKey().hour(), by), KV.of(t.getKey().detail(), t.getValue())));
      }
    }
  }

  /** A partition's summed measures as profile tallies again, one per measure. */
  static class ProfileTalliesFn extends DoFn<KV<String, Map<String, Long>>, KV<String, KV<Tally, Long>>> {
    @ProcessElement
    public void process(@Element KV<String, Map<String, Long>> sums, OutputReceiver<KV<String, KV<Tally, Long>>> out) {
      sums.getValue().forEach((measure, n) ->
          out.output(KV.of(sums.getKey(), KV.of(new Tally(Tally.Kind.PROFILE, measure, "", ""), n))));
    }
  }

  /** Counts keyed twice ({@code a → b → n}) as a side input of maps, summed per {@code (a, b)}. */
  private static PCollectionView<Map<String, Map<String, Long>>> asMaps(String name,
      PCollection<KV<String, KV<String, Long>>> counts) {
    return sums(name + "Sums", counts).apply(name + "View", View.asMap());
  }

  /** Counts keyed twice ({@code a → b → n}), summed into one map per {@code a}. */
  private static PCollection<KV<String, Map<String, Long>>> sums(String name,
      PCollection<KV<String, KV<String, Long>>> counts) {
    SumInMap<String> sum = new SumInMap<>(StringUtf8Coder.of());
    return counts
        .setCoder(KvCoder.of(StringUtf8Coder.of(), KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of())))
        .apply(name, Combine.perKey(sum))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), sum.sumsCoder()));
  }

  /** The tallies that belong to one partition: written, filtered, duplicates, by event hour. */
  static class ByPartitionFn extends DoFn<KV<Tally, Long>, KV<String, KV<Tally, Long>>> {
    private final PartitionBy by;

    ByPartitionFn(PartitionBy by) {
      this.by = by;
    }

    @ProcessElement
    public void process(@Element KV<Tally, Long> t, OutputReceiver<KV<String, KV<Tally, Long>>> out) {
      switch (t.getKey().kind()) {
        case WRITTEN, FILTERED, DUPLICATE ->
            out.output(KV.of(PartitionPath.ofHour(t.getKey().hour(), by), t));
        case PROFILE -> { // a day's are summed apart (profilesByPartition)
          if (by == PartitionBy.hour) {
            out.output(KV.of(PartitionPath.ofHour(t.getKey().hour(), by), t));
          }
        }
        default -> { }
      }
    }
  }

  /**
   * Each source's events by the hour they were created in, whatever became of them: whether an
   * hour file holds its own hour, or a later one's (see {@link Vouching}).
   */
  static class SourceHourFn extends DoFn<KV<Tally, Long>, KV<String, KV<String, Long>>> {
    @ProcessElement
    public void process(@Element KV<Tally, Long> t, OutputReceiver<KV<String, KV<String, Long>>> out) {
      Tally tally = t.getKey();
      switch (tally.kind()) {
        case WRITTEN, FILTERED, DUPLICATE, OUTSIDE_WINDOW ->
            out.output(KV.of(tally.source(), KV.of(tally.hour(), t.getValue())));
        default -> { }
      }
    }
  }

  /** Each source's tallies of the accounting identity by kind, for {@link CommitVerdict}. */
  static class IdentityFn extends DoFn<KV<Tally, Long>, KV<String, KV<String, Long>>> {
    @ProcessElement
    public void process(@Element KV<Tally, Long> t, OutputReceiver<KV<String, KV<String, Long>>> out) {
      Tally tally = t.getKey();
      if (tally.kind() != Tally.Kind.PROFILE) {
        out.output(KV.of(tally.source(), KV.of(tally.kind().name(), t.getValue())));
      }
    }
  }

  static class WrittenByTypeFn extends DoFn<KV<String, KV<Tally, Long>>, KV<String, KV<String, Long>>> {
    @ProcessElement
    public void process(@Element KV<String, KV<Tally, Long>> t,
        OutputReceiver<KV<String, KV<String, Long>>> out) {
      Tally tally = t.getValue().getKey();
      if (tally.kind() == Tally.Kind.WRITTEN) {
        out.output(KV.of(t.getKey(), KV.of(tally.detail(), t.getValue().getValue())));
      }
    }
  }
}
