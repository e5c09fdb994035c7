package dev.ghlake.interactions;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;

/** One row's key in the table: a day, an actor id, a repository id and a kind. Ids, never names. */
public record PairKey(String day, long actorId, long repoId, InteractionKind kind) {

  /** The (day, actor) this key counts toward, for the volume rule. */
  public String actorDay() {
    return day + "/" + actorId;
  }

  /** Deterministic: it is grouped by. */
  public static final class Coder extends AtomicCoder<PairKey> {
    private static final Coder INSTANCE = new Coder();
    private static final StringUtf8Coder STRING = StringUtf8Coder.of();
    private static final VarLongCoder LONG = VarLongCoder.of();
    private static final VarIntCoder INT = VarIntCoder.of();

    public static Coder of() {
      return INSTANCE;
    }

    @Override
    public void encode(PairKey k, OutputStream out) throws IOException {
      STRING.encode(k.day, out);
      LONG.encode(k.actorId, out);
      LONG.encode(k.repoId, out);
      INT.encode(k.kind.ordinal(), out);
    }

    @Override
    public PairKey decode(InputStream in) throws IOException {
      return new PairKey(STRING.decode(in), LONG.decode(in), LONG.decode(in),
          InteractionKind.values()[INT.decode(in)]);
    }

    @Override
    public void verifyDeterministic() {}
  }
}
