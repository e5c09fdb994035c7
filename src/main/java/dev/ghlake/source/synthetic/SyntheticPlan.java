package dev.ghlake.source.synthetic;

import dev.ghlake.model.HourWindow;
import dev.ghlake.source.ArchiveHourNames;
import java.io.Serializable;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/** How many synthetic events each hour gets, cut into shards that can be generated in parallel. */
public final class SyntheticPlan implements Serializable {
  private static final long SHARD_EVENTS = 25_000;

  /** A run of consecutive events of one hour. */
  public record Shard(String hourName, long hourStartSecond, long firstOfHour, long first, long count)
      implements Serializable {
    public Instant hourStart() {
      return Instant.ofEpochSecond(hourStartSecond);
    }
  }

  private final long events;
  private final int hours;
  private final ZonedDateTime start;

  public SyntheticPlan(long events, int hours, String start) {
    // at most ten billion events (about 2,500 modern days) over at most ten years of hours
    if (events < 0 || events > 10_000_000_000L || hours < 1 || hours > 87_840) {
      throw new IllegalArgumentException("--syntheticEvents must be from 0 to 10000000000 and "
          + "--syntheticHours from 1 to 87840 (got " + events + ", " + hours + ")");
    }
    this.events = events;
    this.hours = hours;
    this.start = HourWindow.parseHour("--syntheticStart", start);
  }

  /** Events of hour {@code h} are numbered [h*events/hours, (h+1)*events/hours). */
  public List<Shard> shards() {
    List<Shard> shards = new ArrayList<>();
    for (int h = 0; h < hours; h++) {
      ZonedDateTime hour = start.plusHours(h);
      String name = ArchiveHourNames.of(hour);
      long firstOfHour = events * h / hours;
      long end = events * (h + 1) / hours;
      for (long first = firstOfHour; first < end; first += SHARD_EVENTS) {
        shards.add(new Shard(name, hour.toEpochSecond(), firstOfHour, first,
            Math.min(SHARD_EVENTS, end - first)));
      }
    }
    return shards;
  }

  /** Event numbers of one hour, the way {@link #shards()} numbers them. */
  public long firstOfHour(int h) {
    return events * h / hours;
  }

  public int hours() {
    return hours;
  }

  public ZonedDateTime hourStart(int h) {
    return start.plusHours(h);
  }

  /** The line of event {@code index} of a shard: a repeat of the previous one now and then. */
  public static String line(SyntheticEventGenerator generator, long index, long firstOfHour,
      Instant hourStart) {
    boolean repeat = index > firstOfHour && generator.repeatsPrevious(index);
    return generator.event(repeat ? index - 1 : index, hourStart);
  }
}
