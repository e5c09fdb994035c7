package dev.ghlake.commit;

import dev.ghlake.accounting.SourceOutcome;
import dev.ghlake.accounting.Tally;
import dev.ghlake.accounting.WithAccount;
import dev.ghlake.model.LakePaths;
import dev.ghlake.storage.LakeFiles;
import dev.ghlake.storage.RunRecords;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VoidCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Writes the run's ledger, {@code <output>/_runs/<run>/ledger.json}, once every partition is
 * committed: every tally, every source's outcome and every partition's result. The run report
 * is computed from it, so the accounting rests on data the pipeline produced, not on metrics.
 */
public class WriteRunLedger extends PTransform<WithAccount<PartitionResult>, PDone> {
  private static final TupleTag<PartitionResult> PARTITIONS = new TupleTag<>("partitions") {};
  private static final TupleTag<KV<Tally, Long>> TALLIES = new TupleTag<>("tallies") {};
  private static final TupleTag<SourceOutcome> SOURCES = new TupleTag<>("sources") {};
  private static final TupleTag<Void> HEADER = new TupleTag<>("header") {};

  private final String path;
  private final String runId;

  private WriteRunLedger(String path, String runId) {
    this.path = path;
    this.runId = runId;
  }

  public static WriteRunLedger to(String path, String runId) {
    return new WriteRunLedger(path, runId);
  }

  /** Where a run's ledger lives in the lake. */
  public static String path(LakePaths lake, String runId) {
    return RunRecords.ledger(lake, runId);
  }

  @Override
  public PDone expand(WithAccount<PartitionResult> input) {
    PCollection<PartitionResult> partitions = input.elements();
    PCollection<KV<Tally, Long>> tallies = input.tallies();
    PCollection<SourceOutcome> sources = input.sources();
    String key = runId; // the lambdas must not capture this transform
    KeyedPCollectionTuple
        .of(PARTITIONS, partitions.apply("KeyPartitions", WithKeys.of(key)))
        // without the profiles (the manifests hold them): the ledger is one group, and past
        // 10,000 values a CoGbkResult reads its input again, which Flink's batch GroupByKey
        // refuses ("GBK result is not re-iterable"); FlinkClusterIT's week had that many
        .and(TALLIES, tallies
            .apply("LeaveOutProfiles", Filter.by(t -> t.getKey().kind() != Tally.Kind.PROFILE))
            .apply("KeyTallies", WithKeys.of(key)))
        .and(SOURCES, sources.apply("KeySources", WithKeys.of(key)))
        // one element even for an empty run, so the ledger is always written
        .and(HEADER, partitions.getPipeline().apply("Header", Create.of(KV.of(key, (Void) null))
            .withCoder(KvCoder.of(StringUtf8Coder.of(), VoidCoder.of()))))
        .apply("OneLedger", CoGroupByKey.create())
        .apply("Write", ParDo.of(new WriteFn(path)));
    return PDone.in(partitions.getPipeline());
  }

  static class WriteFn extends DoFn<KV<String, CoGbkResult>, Void> {
    private final String path;

    WriteFn(String path) {
      this.path = path;
    }

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> all) throws IOException {
      List<LedgerFile.Entry> entries = new ArrayList<>();
      for (KV<Tally, Long> e : all.getValue().getAll(TALLIES)) {
        Tally t = e.getKey();
        entries.add(new LedgerFile.Entry(t.kind(), t.detail(), t.hour(), t.source(), e.getValue()));
      }
      LedgerFile ledger = new LedgerFile(all.getKey(), entries, listOf(all.getValue().getAll(SOURCES)),
          listOf(all.getValue().getAll(PARTITIONS)));
      LakeFiles.replace(path, LedgerFile.writer().writeValueAsString(ledger), "ledger");
    }

    private static <T> List<T> listOf(Iterable<T> values) {
      List<T> out = new ArrayList<>();
      values.forEach(out::add);
      return out;
    }
  }
}
