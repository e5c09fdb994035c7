package dev.ghlake.interactions;

import dev.ghlake.coders.RecordCoder;
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

  /** Coder: its components in order (the record is never null). */
  public static RecordCoder<PairActivity> coder() {
    return CODER;
  }

  private static final RecordCoder<PairActivity> CODER = RecordCoder.of(PairActivity.class,
      VarLongCoder.of(), VarLongCoder.of(), VarLongCoder.of(), NullableCoder.of(StringUtf8Coder.of()),
      NullableCoder.of(StringUtf8Coder.of()));
}
