package dev.ghlake.source;

import dev.ghlake.accounting.SourceOutcome;
import dev.ghlake.accounting.Tally;
import dev.ghlake.source.synthetic.SyntheticPlan;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.ZonedDateTime;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;

/**
 * One source a run reads as a stream of lines, resolved when the run is planned: an archive file
 * on a Beam filesystem (present with its size, or known to be missing), an archive hour on a web
 * server, or a shard of synthetic events.
 *
 * @param location the file's path or URL ({@code synthetic:} for generated events)
 * @param name the name rows and ledgers give it ({@code 2024-07-01-8.json.gz})
 * @param hour the UTC hour(s) its name stands for, comma-separated, empty if none
 * @param plannedBytes the size found when planning, {@link #UNKNOWN} or {@link #MISSING}
 * @param shard the events to generate, for {@link Kind#SYNTHETIC} only
 */
public record SourceUnit(Kind kind, String location, String name, String hour,
    SourceOutcome.Role role, long plannedBytes, SyntheticPlan.Shard shard) {
  public static final long UNKNOWN = -1;
  public static final long MISSING = -2;

  /** How the unit is read. */
  public enum Kind {
    FILE,
    URL,
    SYNTHETIC
  }

  public SourceUnit {
    hour = hour == null ? "" : hour;
  }

  public static SourceUnit file(String path, long bytes, SourceOutcome.Role role) {
    String name = SourceNames.of(path);
    return new SourceUnit(Kind.FILE, path, name, ArchiveHourNames.utcHoursOf(name), role, bytes, null);
  }

  public static SourceUnit url(String url, SourceOutcome.Role role) {
    String name = SourceNames.of(url);
    return new SourceUnit(Kind.URL, url, name, ArchiveHourNames.utcHoursOf(name), role, UNKNOWN, null);
  }

  /**
   * An hour of a window no archive file name stands for (2012-03-10T22Z to 2012-03-11T05Z, where
   * GH Archive's names switched from UTC to Pacific time: {@link ArchiveHourNames#nameOf}): a
   * missing hour of the window, never fetched.
   */
  public static SourceUnit unnamedHour(String prefix, ZonedDateTime utcHour) {
    String hour = Tally.hourOf(utcHour.toEpochSecond() * 1_000_000L);
    String name = hour + " (no GH Archive file: its names switched from UTC to Pacific time, docs/eras.md)";
    return new SourceUnit(Kind.FILE, prefix + name, name, hour, SourceOutcome.Role.WINDOW, MISSING, null);
  }

  public static SourceUnit synthetic(SyntheticPlan.Shard shard) {
    return new SourceUnit(Kind.SYNTHETIC, "synthetic:" + shard.hourName(),
        "synthetic:" + shard.hourName(), ArchiveHourNames.utcHoursOf(shard.hourName()),
        SourceOutcome.Role.OTHER, UNKNOWN, shard);
  }

  /** The outcome of a unit that was not there. */
  public SourceOutcome missing(String why) {
    return new SourceOutcome(name, location, hour, role, SourceOutcome.Status.MISSING, 0, 0, why);
  }

  /** Coder: units are the elements the read is spread over. */
  public static final class Coder extends AtomicCoder<SourceUnit> {
    private static final Coder INSTANCE = new Coder();
    private static final StringUtf8Coder STRING = StringUtf8Coder.of();
    private static final VarIntCoder INT = VarIntCoder.of();
    private static final VarLongCoder LONG = VarLongCoder.of();

    public static Coder of() {
      return INSTANCE;
    }

    @Override
    public void encode(SourceUnit u, OutputStream out) throws IOException {
      INT.encode(u.kind.ordinal(), out);
      STRING.encode(u.location, out);
      STRING.encode(u.name, out);
      STRING.encode(u.hour, out);
      INT.encode(u.role.ordinal(), out);
      LONG.encode(u.plannedBytes, out);
      if (u.kind == Kind.SYNTHETIC) {
        STRING.encode(u.shard.hourName(), out);
        LONG.encode(u.shard.hourStartSecond(), out);
        LONG.encode(u.shard.firstOfHour(), out);
        LONG.encode(u.shard.first(), out);
        LONG.encode(u.shard.count(), out);
      }
    }

    @Override
    public SourceUnit decode(InputStream in) throws IOException {
      Kind kind = Kind.values()[INT.decode(in)];
      String location = STRING.decode(in);
      String name = STRING.decode(in);
      String hour = STRING.decode(in);
      SourceOutcome.Role role = SourceOutcome.Role.values()[INT.decode(in)];
      long bytes = LONG.decode(in);
      SyntheticPlan.Shard shard = kind != Kind.SYNTHETIC ? null : new SyntheticPlan.Shard(
          STRING.decode(in), LONG.decode(in), LONG.decode(in), LONG.decode(in), LONG.decode(in));
      return new SourceUnit(kind, location, name, hour, role, bytes, shard);
    }

    @Override
    public void verifyDeterministic() {}
  }
}
