package dev.ghlake.source;

import dev.ghlake.accounting.Tally;
import dev.ghlake.accounting.TallyingDoFn;
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

/** Streams one (decompressed) archive file as lines. */
class ReadLinesFn extends TallyingDoFn<FileIO.ReadableFile, RawLine> {
  private static final Logger LOG = LoggerFactory.getLogger(ReadLinesFn.class);

  private final ArchiveStreamReader reader;
  private final Counter filesOpened = Metrics.counter(Accounting.NAMESPACE, Accounting.FILES_OPENED);
  private final Counter filesDone = Metrics.counter(Accounting.NAMESPACE, Accounting.FILES_DONE);

  ReadLinesFn(int maxLineBytes) {
    this.reader = new ArchiveStreamReader(ReadArchiveFiles.LINES, ReadArchiveFiles.REJECTED, maxLineBytes);
  }

  @ProcessElement
  public void process(@Element FileIO.ReadableFile file, MultiOutputReceiver out) {
    String path = file.getMetadata().resourceId().toString();
    String source = SourceNames.of(path);
    LOG.info("Reading {}", path);
    filesOpened.inc();
    tallies().add(Tally.key(Tally.Kind.SOURCE_BYTES, path, "", source), file.getMetadata().sizeBytes());
    try (InputStream in = new BufferedInputStream(Channels.newInputStream(file.open()), 1 << 16)) {
      reader.read(in, path, tallies(), out);
    } catch (IOException e) {
      tallies().add(Tally.Kind.FILE_ERROR, RejectReason.UNREADABLE_FILE.label(), "", source);
      out.get(ReadArchiveFiles.REJECTED).output(new Rejected(path, 0, RejectReason.UNREADABLE_FILE,
          "cannot open: " + e, ""));
    } finally {
      filesDone.inc();
    }
  }
}
