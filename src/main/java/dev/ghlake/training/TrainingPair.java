package dev.ghlake.training;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.BooleanCoder;
import org.apache.beam.sdk.coders.DoubleCoder;
import org.apache.beam.sdk.coders.VarLongCoder;

/**
 * One (user, repository) pair of the training set: its weight (the confidence implicit-feedback
 * recommenders take) and the time of its latest interaction, in the train or the test split.
 */
public record TrainingPair(boolean test, long actorId, long repoId, double weight, long timestampSeconds) {

  public static final class Coder extends AtomicCoder<TrainingPair> {
    private static final Coder INSTANCE = new Coder();
    private static final VarLongCoder LONG = VarLongCoder.of();

    public static Coder of() {
      return INSTANCE;
    }

    @Override
    public void encode(TrainingPair p, OutputStream out) throws IOException {
      BooleanCoder.of().encode(p.test, out);
      LONG.encode(p.actorId, out);
      LONG.encode(p.repoId, out);
      DoubleCoder.of().encode(p.weight, out);
      LONG.encode(p.timestampSeconds, out);
    }

    @Override
    public TrainingPair decode(InputStream in) throws IOException {
      return new TrainingPair(BooleanCoder.of().decode(in), LONG.decode(in), LONG.decode(in),
          DoubleCoder.of().decode(in), LONG.decode(in));
    }
  }
}
