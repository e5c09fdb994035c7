package dev.ghlake.training;

import dev.ghlake.interactions.InteractionSchema;
import dev.ghlake.stage.StagedChunk;
import dev.ghlake.stage.StagedRecords;
import dev.ghlake.stage.StagingWriter;
import dev.ghlake.storage.ReadableParquetFile;
import java.io.IOException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.parquet.hadoop.ParquetReader;

/**
 * A file of the table, read row by row into staging: every row of a user into the file of the
 * user's bucket, so that one bucket later holds all of its users' rows. A flagged bot's row is
 * left out unless kept (and counted). What leaves the step is a few file references per table
 * file, never its rows.
 */
class StageTableFn extends DoFn<FileIO.ReadableFile, StagedChunk> {
  static final String ROWS = "rows";
  /** The columns the export reads: not the bot's reason, not the own-repository flag. */
  private static final Schema PROJECTION = projection();

  private final ExportPlan plan;
  private final Counter bots = Metrics.counter(ExportPipeline.class, "bot_rows_left_out");

  StageTableFn(ExportPlan plan) {
    this.plan = plan;
  }

  private static Schema projection() {
    SchemaBuilder.FieldAssembler<Schema> fields = SchemaBuilder.record(InteractionSchema.SCHEMA.getName())
        .namespace(InteractionSchema.SCHEMA.getNamespace()).fields();
    for (Schema.Field f : InteractionSchema.SCHEMA.getFields()) {
      if (!f.name().equals(InteractionSchema.BOT_REASON) && !f.name().equals(InteractionSchema.OWN_REPO)) {
        fields = fields.name(f.name()).type(f.schema()).noDefault();
      }
    }
    return fields.endRecord();
  }

  @ProcessElement
  public void process(@Element FileIO.ReadableFile file, OutputReceiver<StagedChunk> out) throws IOException {
    try (StagingWriter writer = new StagingWriter(plan.staging());
        ParquetReader<GenericRecord> rows = ReadableParquetFile.records(file, PROJECTION)) {
      StagedRecords.Appender<Contribution> staged = new StagedRecords.Appender<>(writer, Contribution.coder());
      for (GenericRecord r = rows.read(); r != null; r = rows.read()) {
        if (!plan.keepBots() && (Boolean) r.get(InteractionSchema.BOT)) {
          bots.inc();
          continue;
        }
        Contribution c = Contribution.of(r);
        staged.append(ROWS, plan.userBucket(c.actorId()), c);
      }
      writer.finish().forEach(out::output);
    }
  }
}
