package dev.ghlake.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.io.FileIO;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroReadSupport;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * A file of any Beam filesystem as parquet-mr reads it, so that a step can read a Parquet file
 * row by row inside its own loop (and write what it makes of the rows elsewhere) instead of
 * emitting every row as an element.
 */
public final class ReadableParquetFile implements InputFile {
  private final FileIO.ReadableFile file;

  public ReadableParquetFile(FileIO.ReadableFile file) {
    this.file = file;
  }

  /** A reader of the file's records, only the projection's columns read (Parquet skips the rest). */
  public static ParquetReader<GenericRecord> records(FileIO.ReadableFile file, Schema projection) throws IOException {
    Configuration conf = new Configuration(false);
    AvroReadSupport.setRequestedProjection(conf, projection);
    return AvroParquetReader.<GenericRecord>builder(new ReadableParquetFile(file))
        .withDataModel(GenericData.get()).withConf(conf).build();
  }

  @Override
  public long getLength() {
    return file.getMetadata().sizeBytes();
  }

  @Override
  public SeekableInputStream newStream() throws IOException {
    SeekableByteChannel channel = file.openSeekable();
    InputStream in = Channels.newInputStream(channel);
    return new DelegatingSeekableInputStream(in) {
      @Override
      public long getPos() throws IOException {
        return channel.position();
      }

      @Override
      public void seek(long newPos) throws IOException {
        channel.position(newPos);
      }
    };
  }
}
