package dev.ghlake.table;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.iceberg.exceptions.NotFoundException;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.io.SeekableInputStream;

/** A file Iceberg reads (metadata, manifests), opened through Beam's filesystems. */
final class BeamInputFile implements InputFile {
  private final String path;
  private long length;

  BeamInputFile(String path, long length) {
    this.path = path;
    this.length = length;
  }

  @Override
  public long getLength() {
    if (length < 0) {
      length = match().sizeBytes();
    }
    return length;
  }

  @Override
  public SeekableInputStream newStream() {
    try {
      ReadableByteChannel channel = FileSystems.open(BeamFileIO.resource(path));
      if (!(channel instanceof SeekableByteChannel seekable)) {
        channel.close();
        throw new UnsupportedOperationException("the filesystem of " + path + " cannot seek");
      }
      return new ChannelStream(seekable);
    } catch (FileNotFoundException e) {
      throw new NotFoundException(e, "no file %s", path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + path, e);
    }
  }

  @Override
  public String location() {
    return path;
  }

  @Override
  public boolean exists() {
    try {
      MatchResult m = FileSystems.match(path, EmptyMatchTreatment.ALLOW);
      return m.status() == MatchResult.Status.OK && !m.metadata().isEmpty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look for " + path, e);
    }
  }

  private MatchResult.Metadata match() {
    try {
      return FileSystems.matchSingleFileSpec(path);
    } catch (FileNotFoundException e) {
      throw new NotFoundException(e, "no file %s", path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look for " + path, e);
    }
  }

  /** Iceberg's seekable stream over a seekable channel. */
  private static final class ChannelStream extends SeekableInputStream {
    private final SeekableByteChannel channel;
    private final ByteBuffer one = ByteBuffer.allocate(1);

    ChannelStream(SeekableByteChannel channel) {
      this.channel = channel;
    }

    @Override
    public long getPos() throws IOException {
      return channel.position();
    }

    @Override
    public void seek(long newPos) throws IOException {
      channel.position(newPos);
    }

    @Override
    public int read() throws IOException {
      one.clear();
      int n;
      do {
        n = channel.read(one);
      } while (n == 0);
      return n < 0 ? -1 : one.get(0) & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      ByteBuffer buf = ByteBuffer.wrap(b, off, len);
      int n;
      do {
        n = channel.read(buf);
      } while (n == 0);
      return n;
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }
}
