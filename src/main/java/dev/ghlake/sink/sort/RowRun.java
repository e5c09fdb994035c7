package dev.ghlake.sink.sort;

import java.io.IOException;

/** A sorted run of a file's rows, read one row at a time: {@code bytes[offset, offset + length)}. */
interface RowRun {
  boolean advance() throws IOException;

  byte[] bytes();

  int offset();

  int length();

  boolean stable();
}
