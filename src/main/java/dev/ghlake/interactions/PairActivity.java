package dev.ghlake.interactions;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;

/**
 * What a key's events add up to: how many, the first and last time (UTC microseconds), and the
 * login and repository name of the latest, for display (logins and names change; ids do not).
 */
public record PairActivity(long events, long firstMicros, long lastMicros, String login, String repoName) {

  /** Both together: counts add, times widen, the later event's names win (ties: the greater, so any order agrees). */
  public PairActivity plus(PairActivity o) {
    int names = compare(o.login, login) != 0 ? compare(o.login, login) : compare(o.repoName, repoName);
    boolean later = o.lastMicros > lastMicros || (o.lastMicros == lastMicros && names > 0);
    return new PairActivity(events + o.events, Math.min(firstMicros, o.firstMicros),
        Math.max(lastMicros, o.lastMicros), later ? o.login : login, later ? o.repoName : repoName);
  }

  private static int compare(String a, String b) {
    return a == null ? (b == null ? 0 : -1) : b == null ? 1 : Integer.signum(a.compareTo(b));
  }

  /** The sum of many (the combine of {@code Combine.perKey}). */
  public static PairActivity sum(Iterable<PairActivity> all) {
    PairActivity out = null;
    for (PairActivity a : all) {
      out = out == null ? a : out.plus(a);
    }
    return out;
  }

  public static final class Coder extends AtomicCoder<PairActivity> {
    private static final Coder INSTANCE = new Coder();
    private static final NullableCoder<String> STRING = NullableCoder.of(StringUtf8Coder.of());
    private static final VarLongCoder LONG = VarLongCoder.of();

    public static Coder of() {
      return INSTANCE;
    }

    @Override
    public void encode(PairActivity a, OutputStream out) throws IOException {
      LONG.encode(a.events, out);
      LONG.encode(a.firstMicros, out);
      LONG.encode(a.lastMicros, out);
      STRING.encode(a.login, out);
      STRING.encode(a.repoName, out);
    }

    @Override
    public PairActivity decode(InputStream in) throws IOException {
      return new PairActivity(LONG.decode(in), LONG.decode(in), LONG.decode(in), STRING.decode(in), STRING.decode(in));
    }
  }
}
