package dev.ghlake.table;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.util.MimeTypes;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.io.PositionOutputStream;

/**
 * A file Iceberg writes (metadata, manifests, manifest lists), through Beam's filesystems. Every
 * one has a name of its own (a UUID or a version), so "create" checks before it writes; the
 * commit itself is the catalog's atomic swap, never this.
 */
final class BeamOutputFile implements OutputFile {
  private final String path;

  BeamOutputFile(String path) {
    this.path = path;
  }

  @Override
  public PositionOutputStream create() {
    if (toInputFile().exists()) {
      throw new AlreadyExistsException("%s exists already", path);
    }
    return createOrOverwrite();
  }

  @Override
  public PositionOutputStream createOrOverwrite() {
    try {
      WritableByteChannel channel = FileSystems.create(BeamFileIO.resource(path), MimeTypes.BINARY);
      return new CountingStream(Channels.newOutputStream(channel));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }

  @Override
  public String location() {
    return path;
  }

  @Override
  public InputFile toInputFile() {
    return new BeamInputFile(path, -1);
  }

  /** Counts what it passes on: Iceberg asks where it is in the file. */
  private static final class CountingStream extends PositionOutputStream {
    private final OutputStream out;
    private long pos;
    private boolean closed;

    CountingStream(OutputStream out) {
      this.out = out;
    }

    @Override
    public long getPos() {
      return pos;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      pos++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      pos += len;
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    /** Once: Iceberg closes its writer and then the stream, and S3 completes an upload once. */
    @Override
    public void close() throws IOException {
      if (!closed) {
        closed = true;
        out.close();
      }
    }
  }
}
