package dev.ghlake.source;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads one decompressed archive stream into a {@link LineSink}, wherever it comes from (a file,
 * a download): blank lines skipped, over-long lines cut into pieces of whole values. A stream
 * that breaks keeps every line read before the break and says where it broke.
 */
final class ArchiveStream {
  private ArchiveStream() {}

  /**
   * Items read (events, and pieces that are none), or {@link Broken} with the count so far when
   * the stream broke. A line that holds several events counts each of them.
   */
  static long read(InputStream in, int maxLineBytes, LineSink sink) throws Broken {
    LineReader lines = new LineReader(in, maxLineBytes);
    long read = 0;
    try {
      while (lines.next()) {
        if (lines.isBlank()) {
          continue; // not an event, nothing to account for
        }
        if (lines.wasCut()) {
          sink.tooLong(lines.bytes(), lines.length(), lines.lineNumber(), maxLineBytes);
          read++;
        } else {
          read += sink.line(lines.bytes(), lines.length(), lines.lineNumber());
        }
      }
      return read;
    } catch (IOException e) {
      throw new Broken(read, lines.lineNumber(), e);
    }
  }

  /** The stream broke after {@code lines} items; every one of them went to the sink. */
  static final class Broken extends Exception {
    final long lines;
    final long lastLine;

    Broken(long lines, long lastLine, IOException cause) {
      super("unreadable after line " + lastLine + ": " + cause, cause);
      this.lines = lines;
      this.lastLine = lastLine;
    }
  }
}
