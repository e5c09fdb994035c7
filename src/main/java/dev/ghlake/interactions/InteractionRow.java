package dev.ghlake.interactions;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.BooleanCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;

/** A row of the interactions table: its key, its activity, and whether a bot or the owner acted. */
public record InteractionRow(PairKey key, PairActivity activity, String botReason, boolean ownRepo) {

  /** The row with the bot flags by name, and whether the actor owns the repository (by its name). */
  public static InteractionRow of(PairKey key, PairActivity activity) {
    return new InteractionRow(key, activity, BotRules.byName(activity.login()), owns(activity));
  }

  /** The same row flagged for its actor's volume that day, unless a name already flagged it. */
  public InteractionRow withVolume() {
    return botReason != null ? this : new InteractionRow(key, activity, BotRules.VOLUME, ownRepo);
  }

  /** Owner acting on their own repository: the name's owner part is the actor's login. */
  private static boolean owns(PairActivity a) {
    String name = a.repoName();
    int slash = name == null ? -1 : name.indexOf('/');
    return a.login() != null && slash > 0
        && name.substring(0, slash).toLowerCase(Locale.ROOT).equals(a.login().toLowerCase(Locale.ROOT));
  }

  public GenericRecord toRecord() {
    GenericRecord r = new GenericData.Record(InteractionSchema.SCHEMA);
    r.put(InteractionSchema.ACTOR_ID, key.actorId());
    r.put(InteractionSchema.REPO_ID, key.repoId());
    r.put(InteractionSchema.KIND, key.kind().wire());
    r.put(InteractionSchema.EVENTS, activity.events());
    r.put(InteractionSchema.FIRST_AT, activity.firstMicros());
    r.put(InteractionSchema.LAST_AT, activity.lastMicros());
    r.put(InteractionSchema.ACTOR_LOGIN, activity.login());
    r.put(InteractionSchema.REPO_NAME, activity.repoName());
    r.put(InteractionSchema.BOT, botReason != null);
    r.put(InteractionSchema.BOT_REASON, botReason);
    r.put(InteractionSchema.OWN_REPO, ownRepo);
    return r;
  }

  public static final class Coder extends AtomicCoder<InteractionRow> {
    private static final Coder INSTANCE = new Coder();
    private static final NullableCoder<String> STRING = NullableCoder.of(StringUtf8Coder.of());

    public static Coder of() {
      return INSTANCE;
    }

    @Override
    public void encode(InteractionRow r, OutputStream out) throws IOException {
      PairKey.coder().encode(r.key, out);
      PairActivity.coder().encode(r.activity, out);
      STRING.encode(r.botReason, out);
      BooleanCoder.of().encode(r.ownRepo, out);
    }

    @Override
    public InteractionRow decode(InputStream in) throws IOException {
      return new InteractionRow(PairKey.coder().decode(in), PairActivity.coder().decode(in),
          STRING.decode(in), BooleanCoder.of().decode(in));
    }
  }
}
