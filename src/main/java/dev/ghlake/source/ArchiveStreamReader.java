package dev.ghlake.source;

import dev.ghlake.accounting.Tallies;
import dev.ghlake.accounting.Tally;
import dev.ghlake.model.Accounting;
import dev.ghlake.model.RawLine;
import dev.ghlake.model.RejectReason;
import dev.ghlake.model.Rejected;
import java.io.IOException;
import java.io.InputStream;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.TupleTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one decompressed archive stream into lines, wherever it comes from (a file, a download).
 * A stream that breaks mid-way keeps every line read before the break and yields one file-level
 * dead letter saying where and why it broke.
 */
public final class ArchiveStreamReader implements java.io.Serializable {
  private static final Logger LOG = LoggerFactory.getLogger(ArchiveStreamReader.class);

  private final TupleTag<RawLine> linesTag;
  private final TupleTag<Rejected> rejectedTag;
  private final int maxLineBytes;
  private final Counter read = Metrics.counter(Accounting.NAMESPACE, Accounting.READ);
  private final Counter bytesRead = Metrics.counter(Accounting.NAMESPACE, Accounting.BYTES_READ);
  private final Counter repaired = Metrics.counter(Accounting.NAMESPACE, Accounting.UTF8_REPAIRED);
  private final Counter tooLong = Metrics.counter(Accounting.NAMESPACE,
      Accounting.REJECTED_PREFIX + RejectReason.LINE_TOO_LONG.label());

  public ArchiveStreamReader(TupleTag<RawLine> linesTag, TupleTag<Rejected> rejectedTag, int maxLineBytes) {
    this.linesTag = linesTag;
    this.rejectedTag = rejectedTag;
    this.maxLineBytes = maxLineBytes;
  }

  /** Reads the stream to its end or its break; never throws for what the stream holds. */
  public void read(InputStream in, String path, Tallies tallies, DoFn.MultiOutputReceiver out) {
    String source = SourceNames.of(path);
    String readKey = Tally.key(Tally.Kind.READ, "", "", source);
    long lineNumber = 0;
    LineReader lines = new LineReader(in, maxLineBytes);
    try {
      for (String text = lines.next(); text != null; text = lines.next()) {
        lineNumber++;
        if (text.isBlank()) {
          continue; // not an event, nothing to account for
        }
        read.inc();
        tallies.add(readKey, 1);
        if (lines.lastLineWasRepaired()) {
          repaired.inc();
        }
        RawLine line = new RawLine(path, lineNumber, text);
        if (lines.lastLineWasCut()) {
          tooLong.inc();
          tallies.add(Tally.Kind.REJECTED, RejectReason.LINE_TOO_LONG.label(), "", source);
          out.get(rejectedTag).output(Rejected.of(line, RejectReason.LINE_TOO_LONG,
              "line longer than " + maxLineBytes + " bytes; first bytes kept"));
        } else {
          out.get(linesTag).output(line);
        }
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("{} broke after line {}: {}", path, lineNumber, e.toString());
      tallies.add(Tally.Kind.FILE_ERROR, RejectReason.UNREADABLE_FILE.label(), "", source);
      out.get(rejectedTag).output(new Rejected(path, lineNumber + 1, RejectReason.UNREADABLE_FILE,
          "unreadable after line " + lineNumber + ": " + e, ""));
    } finally {
      bytesRead.inc(lines.bytesRead());
    }
  }
}
