package dev.ghlake.source;

import java.io.InputStream;

/**
 * Reads a gzip stream into a sink: how a download hands its bytes to the same inflating and
 * line reading as a file (the reader gives it; the download only calls it).
 */
@FunctionalInterface
public interface GzipLines {
  Streamed read(InputStream in, LineSink sink);
}
