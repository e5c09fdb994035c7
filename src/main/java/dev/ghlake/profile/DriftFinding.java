package dev.ghlake.profile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;

/**
 * One way a partition differs from the lake's baseline before it: which partition, which
 * measure, what the baseline was and what it is now. An {@code error} makes the run
 * {@code suspect}; a {@code warn} is reported only.
 */
public record DriftFinding(Level level, String partition, String measure, String baseline, String now) {
  public enum Level { warn, error }

  /** One line for people: {@code error dt=…/hour=05 PushEvent payload key 'size': 100% → 0%}. */
  public String text() {
    return level + " " + partition + " " + measure + ": baseline " + baseline + ", now " + now;
  }

  /** Coder: findings travel with the partition's result to the ledger. */
  public static final class Coder extends AtomicCoder<DriftFinding> {
    private static final Coder INSTANCE = new Coder();
    private static final StringUtf8Coder STRING = StringUtf8Coder.of();

    public static Coder of() {
      return INSTANCE;
    }

    @Override
    public void encode(DriftFinding f, OutputStream out) throws IOException {
      STRING.encode(f.level.name(), out);
      STRING.encode(f.partition, out);
      STRING.encode(f.measure, out);
      STRING.encode(f.baseline, out);
      STRING.encode(f.now, out);
    }

    @Override
    public DriftFinding decode(InputStream in) throws IOException {
      return new DriftFinding(Level.valueOf(STRING.decode(in)), STRING.decode(in), STRING.decode(in),
          STRING.decode(in), STRING.decode(in));
    }

    @Override
    public void verifyDeterministic() {}
  }
}
