package dev.ghlake.training;

import dev.ghlake.interactions.InteractionKind;
import dev.ghlake.interactions.PairActivity;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;

/** A row of the interactions table as the export takes it: who, which repository, what kind, and its activity that day. */
public record Contribution(long actorId, long repoId, InteractionKind kind, PairActivity activity) {

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
