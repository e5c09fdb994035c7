package dev.ghlake.storage;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResolveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * Where a data file is written so that no reader sees it before it is whole. On object stores an
 * object appears only when its upload completes ("Amazon S3 never adds partial objects; if you
 * receive a success response, Amazon S3 added the entire object", S3 API reference, PutObject;
 * a multipart upload likewise appears at CompleteMultipartUpload), so a file is written under its
 * own name. On a file
 * system it would be visible, half-written, under its name at once (a DuckDB glob then fails with
 * "Invalid Input Error"), so it is written under a hidden name no {@code *.parquet} glob matches
 * and that Hive, Spark and Athena skip (a leading dot), then renamed into place: an atomic move.
 */
public final class WholeFile {
  /** Schemes whose objects appear whole when written. */
  private static final Set<String> OBJECT_STORES = Set.of("s3", "gs");
  static final String SUFFIX = ".inprogress";

  private WholeFile() {}

  /** Where to write the file that will be {@code target}. */
  public static ResourceId writing(ResourceId target) {
    if (OBJECT_STORES.contains(target.getScheme())) {
      return target;
    }
    return target.getCurrentDirectory().resolve(writingName(target.getFilename()),
        ResolveOptions.StandardResolveOptions.RESOLVE_FILE);
  }

  /** The name a file is written under before it is moved into place, on a file system. */
  public static String writingName(String name) {
    return "." + name + SUFFIX;
  }

  /** Moves a file written at {@link #writing} to its name. */
  public static void publish(ResourceId writing, ResourceId target) throws IOException {
    if (!writing.equals(target)) {
      FileSystems.rename(List.of(writing), List.of(target));
    }
  }

  /** Deletes a file written in part, wherever it was being written. */
  public static void discard(ResourceId writing) throws IOException {
    FileSystems.delete(List.of(writing), MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
  }
}
