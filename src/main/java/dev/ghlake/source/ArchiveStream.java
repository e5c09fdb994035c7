package dev.ghlake.source;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads one decompressed archive stream into a {@link LineSink}, wherever it comes from (a file,
 * a download): blank lines skipped, over-long lines cut. A stream that breaks keeps every line
 * read before the break and says where it broke.
 */
final class ArchiveStream {
  private ArchiveStream() {}

  /** Lines read (non-blank), or {@link Broken} with the count so far when the stream broke. */
  static long read(InputStream in, int maxLineBytes, LineSink sink) throws Broken {
    LineReader lines = new LineReader(in, maxLineBytes);
    long lineNumber = 0;
    long read = 0;
    try {
      while (lines.next()) {
        lineNumber++;
        if (lines.isBlank()) {
          continue; // not an event, nothing to account for
        }
        read++;
        if (lines.wasCut()) {
          sink.tooLong(lines.bytes(), lines.length(), lineNumber, maxLineBytes);
        } else {
          sink.line(lines.bytes(), lines.length(), lineNumber);
        }
      }
      return read;
    } catch (IOException e) {
      throw new Broken(read, lineNumber, e);
    }
  }

  /** The stream broke after {@code lines} lines; every one of them went to the sink. */
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
