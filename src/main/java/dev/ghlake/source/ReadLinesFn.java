package dev.ghlake.source;

import dev.ghlake.accounting.Tallies;
import dev.ghlake.accounting.TallyingDoFn;
import dev.ghlake.accounting.Tally;
import dev.ghlake.model.Accounting;
import dev.ghlake.model.RawLine;
import dev.ghlake.model.RejectReason;
import dev.ghlake.model.Rejected;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams one (decompressed) archive file as lines. A file that breaks mid-way keeps every line
 * read before the break and yields one file-level dead letter saying where and why it broke.
 */
class ReadLinesFn extends TallyingDoFn<FileIO.ReadableFile, RawLine> {
  private static final Logger LOG = LoggerFactory.getLogger(ReadLinesFn.class);

  private final int maxLineBytes;
  private final Counter read = Metrics.counter(Accounting.NAMESPACE, Accounting.READ);
  private final Counter filesOpened = Metrics.counter(Accounting.NAMESPACE, Accounting.FILES_OPENED);
  private final Counter filesDone = Metrics.counter(Accounting.NAMESPACE, Accounting.FILES_DONE);
  private final Counter bytesRead = Metrics.counter(Accounting.NAMESPACE, Accounting.BYTES_READ);
  private final Counter repaired = Metrics.counter(Accounting.NAMESPACE, Accounting.UTF8_REPAIRED);

  ReadLinesFn(int maxLineBytes) {
    this.maxLineBytes = maxLineBytes;
  }

  @ProcessElement
  public void process(@Element FileIO.ReadableFile file, MultiOutputReceiver out) {
    String path = file.getMetadata().resourceId().toString();
    String source = SourceNames.of(path);
    LOG.info("Reading {}", path);
    filesOpened.inc();
    tallies().add(Tally.key(Tally.Kind.SOURCE_BYTES, path, "", source), file.getMetadata().sizeBytes());
    String readKey = Tally.key(Tally.Kind.READ, "", "", source);
    long lineNumber = 0;
    LineReader lines = null;
    try (InputStream in = new BufferedInputStream(Channels.newInputStream(file.open()), 1 << 16)) {
      lines = new LineReader(in, maxLineBytes);
      for (String text = lines.next(); text != null; text = lines.next()) {
        lineNumber++;
        if (text.isBlank()) {
          continue; // not an event, nothing to account for
        }
        read.inc();
        tallies().add(readKey, 1);
        if (lines.lastLineWasRepaired()) {
          repaired.inc();
        }
        RawLine line = new RawLine(path, lineNumber, text);
        if (lines.lastLineWasCut()) {
          reject(out, line, source, RejectReason.LINE_TOO_LONG,
              "line longer than " + maxLineBytes + " bytes; first bytes kept");
        } else {
          out.get(ReadArchiveFiles.LINES).output(line);
        }
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("{} broke after line {}: {}", path, lineNumber, e.toString());
      tallies().add(Tally.Kind.FILE_ERROR, RejectReason.UNREADABLE_FILE.label(), "", source);
      out.get(ReadArchiveFiles.REJECTED).output(new Rejected(path, lineNumber + 1,
          RejectReason.UNREADABLE_FILE, "file unreadable after line " + lineNumber + ": " + e, ""));
    } finally {
      filesDone.inc();
      bytesRead.inc(lines == null ? 0 : lines.bytesRead());
    }
  }

  private void reject(MultiOutputReceiver out, RawLine line, String source, RejectReason reason,
      String error) {
    Metrics.counter(Accounting.NAMESPACE, Accounting.REJECTED_PREFIX + reason.label()).inc();
    tallies().add(Tally.Kind.REJECTED, reason.label(), "", source);
    out.get(ReadArchiveFiles.REJECTED).output(Rejected.of(line, reason, error));
  }
}
