package dev.ghlake.stage;

import dev.ghlake.accounting.Tallies;
import dev.ghlake.accounting.Tally;
import dev.ghlake.model.Counters;
import dev.ghlake.model.PartitionPath;
import dev.ghlake.model.RejectReason;
import dev.ghlake.model.Rejected;
import dev.ghlake.profile.EventProfiler;
import dev.ghlake.source.ArchiveEra;
import dev.ghlake.source.LineSink;
import dev.ghlake.source.SharedLine;
import dev.ghlake.transform.EventShaper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;

/**
 * The hot path of a run, line by line: shape the line (reject, outside the window, filtered, or
 * a row), count what is dropped, append rows to staging. Nothing per line that can be hoisted:
 * the shaped result is reused, partition names and tally hours are cached per hour, progress
 * counters are bumped in batches. One per worker thread and element.
 */
final class Stager implements LineSink {
  private static final long HOUR_MICROS = 3_600_000_000L;
  private static final int COUNTER_BATCH = 4096;

  private final EventShaper shaper;
  private final StagingPlan plan;
  private final StagingWriter writer;
  private final RowFormat format = new RowFormat();
  private final RowFormat.Head head = new RowFormat.Head();
  private final EventShaper.Shaped shaped = new EventShaper.Shaped();
  private final Tallies tallies;
  private Consumer<Rejected> rejected;
  private final Counter readCounter = Metrics.counter(Counters.NAMESPACE, Counters.READ);
  private final Counter stagedCounter = Metrics.counter(Counters.NAMESPACE, Counters.STAGED);
  private final Counter repairedCounter = Metrics.counter(Counters.NAMESPACE, Counters.UTF8_REPAIRED);
  private String source = "";
  private String path = "";
  private ArchiveEra era = ArchiveEra.ofFile("");
  private long hourIndex = Long.MIN_VALUE;
  private String hour;
  private String partition;
  private int unreported;
  private int unreportedStaged;
  private long recovered;
  private final EventProfiler profiler = new EventProfiler();

  Stager(EventShaper shaper, StagingPlan plan, Tallies tallies) {
    this.shaper = shaper;
    this.plan = plan;
    this.writer = new StagingWriter(plan);
    this.tallies = tallies;
  }

  /** The source the next lines come from, for tallies, and where its dead letters go. */
  void from(String sourceName, String sourcePath, Consumer<Rejected> deadLetters) {
    this.source = sourceName;
    this.path = sourcePath;
    this.era = ArchiveEra.ofFile(sourceName);
    this.rejected = deadLetters;
  }

  @Override
  public int line(byte[] bytes, int length, long lineNumber) {
    EventShaper.Shaped s = shaper.shape(bytes, length, shaped);
    if (s.fate == EventShaper.Fate.REJECTED && s.reason == RejectReason.INVALID_JSON) {
      List<SharedLine.Piece> pieces = SharedLine.split(bytes, length); // only lines that failed
      if (!SharedLine.isWhole(pieces)) {
        return shared(bytes, pieces, lineNumber);
      }
    }
    settle(s, bytes, length, lineNumber);
    return 1;
  }

  /** Events that shared a line with others (each also counted as read). */
  long recovered() {
    return recovered;
  }

  /** Every piece of a line events shared: objects shaped like lines, broken bytes dead letters. */
  private int shared(byte[] bytes, List<SharedLine.Piece> pieces, long lineNumber) {
    for (SharedLine.Piece piece : pieces) {
      byte[] own = Arrays.copyOfRange(bytes, piece.start(), piece.end());
      if (piece.object()) {
        EventShaper.Shaped s = shaper.shape(own, own.length, shaped);
        if (s.fate != EventShaper.Fate.REJECTED) {
          recovered++;
        }
        settle(s, own, own.length, lineNumber);
      } else {
        reject(own, own.length, lineNumber, RejectReason.INVALID_JSON, brokenPiece(own));
        unreported++;
      }
    }
    return pieces.size();
  }

  private static String brokenPiece(byte[] piece) {
    for (byte b : piece) {
      if (b != 0) {
        return "a broken event between events on one line (" + piece.length + " bytes)";
      }
    }
    return "a run of " + piece.length + " NUL bytes between events (a wiped record)";
  }

  private void settle(EventShaper.Shaped s, byte[] bytes, int length, long lineNumber) {
    if (s.repaired) {
      repairedCounter.inc();
    }
    if (s.fate != EventShaper.Fate.REJECTED && !era.holds(s.createdAt)) {
      // an hour another era's files hold (source.ArchiveEra): counted, never loaded twice
      tallies.add(Tally.Kind.OUTSIDE_WINDOW, Tally.OTHER_ERA, hourOf(s.createdAt), source);
    } else {
      switch (s.fate) {
        case ROW -> stage(s);
        case OUTSIDE_WINDOW -> tallies.add(Tally.Kind.OUTSIDE_WINDOW, "", hourOf(s.createdAt), source);
        case FILTERED -> tallies.add(Tally.Kind.FILTERED, s.filtered.label(), hourOf(s.createdAt), source);
        case REJECTED -> reject(bytes, length, lineNumber, s.reason, s.error);
      }
    }
    if (++unreported == COUNTER_BATCH) {
      flushCounters();
    }
  }

  @Override
  public void tooLong(byte[] firstBytes, int length, long lineNumber, int maxLineBytes) {
    reject(firstBytes, Math.min(length, Rejected.MAX_RAW_CHARS), lineNumber,
        RejectReason.LINE_TOO_LONG, "line longer than " + maxLineBytes + " bytes; first bytes kept");
    unreported++;
  }

  private void stage(EventShaper.Shaped s) {
    s.row.sourceFile = source;
    RowBuffer row = format.encode(s.row);
    head.read(row.bytes(), 0);
    int bucket = IdHash.slice(IdHash.of(row.bytes(), head.idOffset, head.idLength), plan.buckets());
    profiler.add(hourOf(s.createdAt), s.row);
    try {
      writer.append(partition, bucket, row.bytes(), row.length());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write staging under " + plan.root() + ": " + e.getMessage(), e);
    }
    unreportedStaged++;
  }

  private void reject(byte[] bytes, int length, long lineNumber, RejectReason reason, String error) {
    tallies.add(Tally.Kind.REJECTED, reason.label(), "", source);
    rejected.accept(new Rejected(path, lineNumber, reason, error,
        new String(bytes, 0, Math.min(length, Rejected.MAX_RAW_CHARS * 4), StandardCharsets.UTF_8)));
  }

  /** The tally hour (and partition) of a time, cached: rows come in time order, mostly. */
  private String hourOf(long micros) {
    long index = Math.floorDiv(micros, HOUR_MICROS);
    if (index != hourIndex) {
      hourIndex = index;
      hour = Tally.hourOf(micros);
      partition = PartitionPath.of(micros, plan.partitionBy());
    }
    return hour;
  }

  /** Closes the staging files of this element and returns their references. */
  List<StagedChunk> finish() throws IOException {
    flushCounters();
    profiler.flush(tallies);
    return writer.finish();
  }

  /** Drops unfinished staging (the element failed). */
  void abort() {
    writer.close();
  }

  private void flushCounters() {
    readCounter.inc(unreported);
    stagedCounter.inc(unreportedStaged);
    unreported = 0;
    unreportedStaged = 0;
  }
}
