package dev.ghlake.training;

import dev.ghlake.interactions.InteractionKind;
import dev.ghlake.interactions.InteractionSchema;
import dev.ghlake.interactions.PairActivity;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;

/** A row of the table, keyed by its user's bucket; a flagged bot's row is left out unless kept (and counted). */
class ToContributionFn extends DoFn<GenericRecord, KV<Integer, Contribution>> {
  /** Buckets of users: every row of a user in one group, each group a share of the window's rows. */
  static final int BUCKETS = 64;

  private final boolean keepBots;
  private final Counter bots = Metrics.counter(ExportPipeline.class, "bot_rows_left_out");

  ToContributionFn(boolean keepBots) {
    this.keepBots = keepBots;
  }

  @ProcessElement
  public void process(@Element GenericRecord r, OutputReceiver<KV<Integer, Contribution>> out) {
    if (!keepBots && (Boolean) r.get(InteractionSchema.BOT)) {
      bots.inc();
      return;
    }
    long actor = (Long) r.get(InteractionSchema.ACTOR_ID);
    PairActivity a = new PairActivity((Long) r.get(InteractionSchema.EVENTS), (Long) r.get(InteractionSchema.FIRST_AT),
        (Long) r.get(InteractionSchema.LAST_AT), text(r.get(InteractionSchema.ACTOR_LOGIN)),
        text(r.get(InteractionSchema.REPO_NAME)));
    out.output(KV.of(Math.floorMod(Long.hashCode(actor), BUCKETS), new Contribution(actor,
        (Long) r.get(InteractionSchema.REPO_ID), InteractionKind.ofWire(r.get(InteractionSchema.KIND).toString()), a)));
  }

  private static String text(Object avro) {
    return avro == null ? null : avro.toString();
  }
}
