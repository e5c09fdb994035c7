package dev.ghlake.table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.io.OutputFile;

/**
 * Iceberg's file access through Beam's filesystems: the table's metadata goes wherever the lake
 * can (local, S3 with the lake's endpoint and keys, GCS), with no second set of storage settings.
 * Iceberg makes it by name ({@code io-impl}), so it has a public no-argument constructor.
 */
public final class BeamFileIO implements FileIO {
  private Map<String, String> properties = Map.of();

  public BeamFileIO() {}

  @Override
  public void initialize(Map<String, String> props) {
    this.properties = Map.copyOf(props);
  }

  @Override
  public Map<String, String> properties() {
    return properties;
  }

  @Override
  public InputFile newInputFile(String path) {
    return new BeamInputFile(path, -1);
  }

  @Override
  public InputFile newInputFile(String path, long length) {
    return new BeamInputFile(path, length);
  }

  @Override
  public OutputFile newOutputFile(String path) {
    return new BeamOutputFile(path);
  }

  /** Deleting what is already gone is no error: expiry may meet files a lake commit removed. */
  @Override
  public void deleteFile(String path) {
    try {
      FileSystems.delete(List.of(resource(path)), MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + path, e);
    }
  }

  static ResourceId resource(String path) {
    return FileSystems.matchNewResource(path, false);
  }
}
