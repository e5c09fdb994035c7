package dev.ghlake.training;

import dev.ghlake.coders.EnumCoder;
import dev.ghlake.coders.RecordCoder;
import dev.ghlake.interactions.InteractionKind;
import dev.ghlake.interactions.InteractionSchema;
import dev.ghlake.interactions.PairActivity;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.VarLongCoder;

/** A row of the interactions table as the export takes it: who, which repository, what kind, and its activity that day. */
public record Contribution(long actorId, long repoId, InteractionKind kind, PairActivity activity) {

  /** A row of the table as read from its Parquet file. */
  static Contribution of(GenericRecord r) {
    PairActivity a = new PairActivity((Long) r.get(InteractionSchema.EVENTS), (Long) r.get(InteractionSchema.FIRST_AT),
        (Long) r.get(InteractionSchema.LAST_AT), text(r.get(InteractionSchema.ACTOR_LOGIN)),
        text(r.get(InteractionSchema.REPO_NAME)));
    return new Contribution((Long) r.get(InteractionSchema.ACTOR_ID), (Long) r.get(InteractionSchema.REPO_ID),
        InteractionKind.ofWire(r.get(InteractionSchema.KIND).toString()), a);
  }

  private static String text(Object avro) {
    return avro == null ? null : avro.toString();
  }

  /** Coder: its components in order (the record is never null). */
  public static RecordCoder<Contribution> coder() {
    return CODER;
  }

  private static final RecordCoder<Contribution> CODER = RecordCoder.of(Contribution.class,
      VarLongCoder.of(), VarLongCoder.of(), EnumCoder.of(InteractionKind.class), PairActivity.coder());
}
