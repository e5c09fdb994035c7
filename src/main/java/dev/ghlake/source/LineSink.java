package dev.ghlake.source;

/** Where a source's lines go, one at a time, as they are read. */
public interface LineSink {
  /**
   * A non-blank line. {@code bytes} is reused for the next line: copy what must outlive the call.
   *
   * @param lineNumber 1-based, counting blank lines too
   * @return how many items the line held: 1, or more when events shared it (each event, and
   *     each broken piece between them, is one item of the accounting)
   */
  int line(byte[] bytes, int length, long lineNumber);

  /** A line longer than the reader accepts, cut to its first bytes. */
  void tooLong(byte[] firstBytes, int length, long lineNumber, int maxLineBytes);
}
