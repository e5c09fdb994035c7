package dev.ghlake.sink;

import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.PaneInfo;

/**
 * Names a partition's files {@code <partition>/part-00000-of-00002-<run>.parquet}: the part says
 * which events it holds (by id), the run which version of the partition it belongs to.
 */
class PartFileNaming implements FileIO.Write.FileNaming {
  private final String stem;
  private final String runId;

  PartFileNaming(String stem, String runId) {
    this.stem = stem;
    this.runId = runId;
  }

  /** Built by hand: this runs once per event, and String.format parses its pattern each time. */
  static String stem(String partition, int file, int files) {
    StringBuilder s = new StringBuilder(partition.length() + 22).append(partition).append("/part-");
    pad5(s, file).append("-of-");
    return pad5(s, files).toString();
  }

  private static StringBuilder pad5(StringBuilder s, int n) {
    String digits = Integer.toString(n);
    for (int i = digits.length(); i < 5; i++) {
      s.append('0');
    }
    return s.append(digits);
  }

  /** The partition folder of a file stem. */
  static String partitionOf(String stem) {
    return stem.substring(0, stem.lastIndexOf('/'));
  }

  @Override
  public String getFilename(BoundedWindow window, PaneInfo pane, int numShards, int shardIndex,
      Compression compression) {
    return stem + "-" + runId + ".parquet";
  }
}
