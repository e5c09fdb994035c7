package dev.ghlake.interactions;

import dev.ghlake.coders.EnumCoder;
import dev.ghlake.coders.RecordCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;

/** One row's key in the table: a day, an actor id, a repository id and a kind. Ids, never names. */
public record PairKey(String day, long actorId, long repoId, InteractionKind kind) {

  /** The (day, actor) this key counts toward, for the volume rule. */
  public String actorDay() {
    return day + "/" + actorId;
  }

  /** Deterministic: it is grouped by. */
  public static RecordCoder<PairKey> coder() {
    return CODER;
  }

  private static final RecordCoder<PairKey> CODER = RecordCoder.of(PairKey.class,
      StringUtf8Coder.of(), VarLongCoder.of(), VarLongCoder.of(), EnumCoder.of(InteractionKind.class));
}
