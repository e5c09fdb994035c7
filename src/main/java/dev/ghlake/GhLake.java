package dev.ghlake;

import dev.ghlake.accounting.SumTallies;
import dev.ghlake.accounting.Tally;
import dev.ghlake.run.CommandLine;
import dev.ghlake.run.ConsoleLogging;
import dev.ghlake.run.CostGuard;
import dev.ghlake.run.LakeRun;
import dev.ghlake.run.RunPlan;
import dev.ghlake.run.RunSummary;
import dev.ghlake.secrets.Redactor;
import dev.ghlake.sink.CommitPartitions;
import dev.ghlake.sink.WritePartitionFiles;
import dev.ghlake.sink.WriteRejected;
import dev.ghlake.sink.WriteRunLedger;
import dev.ghlake.sink.Written;
import dev.ghlake.source.SourceOptions;
import dev.ghlake.source.SourceUnits;
import dev.ghlake.source.bigquery.BigQueryPlan;
import dev.ghlake.source.bigquery.ReadBigQuery;
import dev.ghlake.stage.StageEvents;
import dev.ghlake.stage.StageLines;
import dev.ghlake.stage.Staged;
import dev.ghlake.storage.LakeStorage;
import java.io.PrintStream;
import java.time.Duration;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;

/**
 * ghlake: GH Archive events → read, shaped (cheapest checks first), staged on disk → one Parquet
 * file per task, de-duplicated and sorted → partitions committed by manifest, every event
 * accounted for.
 *
 * <pre>
 * SourceUnits → StageEvents → WritePartitionFiles → CommitPartitions → WriteRunLedger
 *   (ReadBigQuery → StageEvents for BigQuery; dead letters → WriteRejected;
 *    every step's tallies → SumTallies → the commit and the ledger)
 * </pre>
 */
public final class GhLake {
  private GhLake() {}

  public static void main(String[] args) {
    ConsoleLogging.configure();
    try {
      GhLakeOptions options = CommandLine.options(args);
      if (options.getSource() == SourceOptions.SourceKind.bigquery && options.getDryRun()) {
        dryRun(options, System.out);
        System.exit(0);
      }
      RunSummary summary = new LakeRun(options, GhLake::pipeline, System.out, System.err).execute();
      System.exit(CommandLine.exitCode(summary.status(), summary.notifyError(), options));
    } catch (IllegalArgumentException e) {
      System.err.println("ghlake: " + Redactor.redact(e.getMessage())); // whatever it quotes
      System.exit(2);
    }
  }

  /** The pipeline of a planned run. */
  public static Pipeline pipeline(RunPlan plan, GhLakeOptions options) {
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
    written.files()
        .apply("CommitPartitions", CommitPartitions.of(plan.commit(), tallies, staged.sources()))
        .apply("WriteRunLedger", WriteRunLedger.to(plan.ledgerPath(), plan.runId(), tallies, staged.sources()));
    staged.rejected().apply("WriteRejected", WriteRejected.to(plan.output(), plan.runId()));
    return p;
  }

  /** One run of the options, reported on the console and to Slack (tests and tools call this). */
  public static RunSummary run(GhLakeOptions options) {
    return new LakeRun(options, GhLake::pipeline, System.out, System.err).execute();
  }

  /** --dryRun: the plan, printed before BigQuery is contacted (useful offline), then its cost. */
  static void dryRun(GhLakeOptions options, PrintStream out) {
    BigQueryPlan plan = BigQueryPlan.of(options);
    out.println(plan.describe());
    out.flush();
    try {
      out.println(CostGuard.ask(plan, options, Duration.ofSeconds(10)).describe());
    } catch (Exception e) {
      out.println("  (BigQuery could not be asked what the read costs: " + LakeStorage.describe(e) + ")");
    }
  }
}
