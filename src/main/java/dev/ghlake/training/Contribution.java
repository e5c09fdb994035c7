package dev.ghlake.training;

import dev.ghlake.interactions.InteractionKind;
import dev.ghlake.interactions.InteractionSchema;
import dev.ghlake.interactions.PairActivity;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
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

  public static final class Coder extends AtomicCoder<Contribution> {
    private static final Coder INSTANCE = new Coder();
    private static final VarLongCoder LONG = VarLongCoder.of();

    public static Coder of() {
      return INSTANCE;
    }

    @Override
    public void encode(Contribution c, OutputStream out) throws IOException {
      LONG.encode(c.actorId, out);
      LONG.encode(c.repoId, out);
      VarIntCoder.of().encode(c.kind.ordinal(), out);
      PairActivity.Coder.of().encode(c.activity, out);
    }

    @Override
    public Contribution decode(InputStream in) throws IOException {
      return new Contribution(LONG.decode(in), LONG.decode(in), InteractionKind.values()[VarIntCoder.of().decode(in)],
          PairActivity.Coder.of().decode(in));
    }
  }
}
