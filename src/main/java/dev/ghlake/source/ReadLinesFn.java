package dev.ghlake.source;

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
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.TupleTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams one (decompressed) archive file as lines. A file that breaks mid-way keeps every line
 * read before the break and yields one file-level dead letter saying where and why it broke.
 */
class ReadLinesFn extends DoFn<FileIO.ReadableFile, RawLine> {
  /** Longest line accepted; GH Archive's loader skips events over 2 MB, so this is generous. */
  static final int MAX_LINE_BYTES = 32 * 1024 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(ReadLinesFn.class);

  private final TupleTag<Rejected> rejectedTag;
  private final Counter read = Metrics.counter(Accounting.NAMESPACE, Accounting.READ);
  private final Counter filesOpened = Metrics.counter(Accounting.NAMESPACE, Accounting.FILES_OPENED);
  private final Counter filesDone = Metrics.counter(Accounting.NAMESPACE, Accounting.FILES_DONE);
  private final Counter bytesRead = Metrics.counter(Accounting.NAMESPACE, Accounting.BYTES_READ);
  private final Counter tooLong = Metrics.counter(
      Accounting.NAMESPACE, Accounting.REJECTED_PREFIX + RejectReason.LINE_TOO_LONG.label());
  private final Counter unreadable = Metrics.counter(
      Accounting.NAMESPACE, Accounting.FILE_ERRORS_PREFIX + RejectReason.UNREADABLE_FILE.label());

  ReadLinesFn(TupleTag<Rejected> rejectedTag) {
    this.rejectedTag = rejectedTag;
  }

  @ProcessElement
  public void process(@Element FileIO.ReadableFile file, MultiOutputReceiver out) {
    String source = file.getMetadata().resourceId().toString();
    LOG.info("Reading {}", source);
    filesOpened.inc();
    long lineNumber = 0;
    LineReader lines = null;
    try (InputStream in = new BufferedInputStream(Channels.newInputStream(file.open()), 1 << 16)) {
      lines = new LineReader(in, MAX_LINE_BYTES);
      for (String text = lines.next(); text != null; text = lines.next()) {
        lineNumber++;
        if (text.isBlank()) {
          continue; // not an event, nothing to account for
        }
        read.inc();
        RawLine line = new RawLine(source, lineNumber, text);
        if (lines.lastLineWasCut()) {
          tooLong.inc();
          out.get(rejectedTag).output(Rejected.of(line, RejectReason.LINE_TOO_LONG,
              "line longer than " + MAX_LINE_BYTES + " bytes; first bytes kept"));
        } else {
          out.get(ReadArchiveFiles.LINES).output(line);
        }
      }
    } catch (IOException | RuntimeException e) {
      unreadable.inc();
      LOG.warn("{} broke after line {}: {}", source, lineNumber, e.toString());
      out.get(rejectedTag).output(new Rejected(source, lineNumber + 1, RejectReason.UNREADABLE_FILE,
          "file unreadable after line " + lineNumber + ": " + e, ""));
    } finally {
      filesDone.inc();
      bytesRead.inc(lines == null ? 0 : lines.bytesRead());
    }
  }
}
