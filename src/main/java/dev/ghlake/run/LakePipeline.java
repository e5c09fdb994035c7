package dev.ghlake.run;

import dev.ghlake.accounting.SumTallies;
import dev.ghlake.accounting.Tally;
import dev.ghlake.accounting.WithAccount;
import dev.ghlake.commit.CommitPartitions;
import dev.ghlake.commit.PartitionResult;
import dev.ghlake.commit.WriteRunLedger;
import dev.ghlake.commit.Written;
import dev.ghlake.sink.WritePartitionFiles;
import dev.ghlake.sink.WriteRejected;
import dev.ghlake.source.SourceUnits;
import dev.ghlake.source.bigquery.ReadBigQuery;
import dev.ghlake.stage.StageEvents;
import dev.ghlake.stage.StageLines;
import dev.ghlake.stage.Staged;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;

/**
 * The pipeline of a planned run, as its diagram: GH Archive events read, shaped (cheapest checks
 * first) and staged on disk; one Parquet file per task, de-duplicated and sorted; partitions
 * committed by manifest against the run's account; the ledger; dead letters apart.
 *
 * <pre>
 * SourceUnits → StageEvents → WritePartitionFiles → CommitPartitions → WriteRunLedger
 *   (ReadBigQuery → StageEvents for BigQuery; dead letters → WriteRejected;
 *    every step's tallies → SumTallies → the account the commit and the ledger judge by)
 * </pre>
 */
public final class LakePipeline {
  private LakePipeline() {}

  public static Pipeline build(RunPlan plan, GhLakeOptions options) {
    Pipeline p = Pipeline.create(options);
    Staged staged = plan.source().bigQuery() != null
        ? p.apply("ReadBigQuery", new ReadBigQuery(plan.source().bigQuery(), options.getBqServicesFactory()))
            .apply("StageEvents", StageLines.with(plan.shaper(), plan.staging(), plan.source().tables()))
        : p.apply("SourceUnits", SourceUnits.of(plan.source().units()))
            .apply("StageEvents", StageEvents.with(plan.source().read(), plan.shaper(), plan.staging()));
    Written written = staged.chunks()
        .apply("WritePartitionFiles", WritePartitionFiles.with(plan.files()));
    PCollection<KV<Tally, Long>> tallies = PCollectionList.of(staged.tallies()).and(written.tallies())
        .apply("SumTallies", SumTallies.create());
    PCollection<PartitionResult> partitions = WithAccount.of(written.files(), tallies, staged.sources())
        .apply("CommitPartitions", CommitPartitions.of(plan.commit()));
    WithAccount.of(partitions, tallies, staged.sources())
        .apply("WriteRunLedger", WriteRunLedger.to(plan.ledgerPath(), plan.runId()));
    staged.rejected().apply("WriteRejected", WriteRejected.to(plan.lake(), plan.runId()));
    return p;
  }
}
