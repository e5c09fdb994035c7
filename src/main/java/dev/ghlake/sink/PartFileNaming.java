package dev.ghlake.sink;

import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.PaneInfo;

/**
 * Names a partition's files {@code <partition>/part-00000-of-00002.parquet}: stable names, so a
 * re-run of the same data writes the same files.
 */
class PartFileNaming implements FileIO.Write.FileNaming {
  private final String stem;

  PartFileNaming(String stem) {
    this.stem = stem;
  }

  static String stem(String partition, int file, int files) {
    return String.format("%s/part-%05d-of-%05d", partition, file, files);
  }

  /** The partition folder of a file stem. */
  static String partitionOf(String stem) {
    return stem.substring(0, stem.lastIndexOf('/'));
  }

  @Override
  public String getFilename(BoundedWindow window, PaneInfo pane, int numShards, int shardIndex,
      Compression compression) {
    return stem + ".parquet";
  }
}
