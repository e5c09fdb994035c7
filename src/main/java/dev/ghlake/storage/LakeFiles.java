package dev.ghlake.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.util.MimeTypes;

/** Small whole-file operations on any Beam filesystem (local, s3://, gs://). */
public final class LakeFiles {
  private LakeFiles() {}

  /**
   * The file's text, or null when it does not exist. A local file is read by its name: Beam's
   * match takes an absent name with * ? [ for a pattern and would read what that matches.
   */
  public static String readIfExists(String path) throws IOException {
    if (!path.contains("://")) {
      Path file = Path.of(path);
      return Files.isRegularFile(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : null;
    }
    List<MatchResult.Metadata> found = match(path);
    if (found.isEmpty()) {
      return null;
    }
    try (InputStream in = Channels.newInputStream(FileSystems.open(found.get(0).resourceId()))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /**
   * A listed file's bytes as a stream, without asking again whether it is there (on S3 a request
   * less per file); throws {@link java.io.FileNotFoundException} or {@link
   * java.nio.file.NoSuchFileException} when it went since the listing.
   */
  public static InputStream open(MatchResult.Metadata listed) throws IOException {
    return Channels.newInputStream(FileSystems.open(listed.resourceId()));
  }

  /** Writes a small file (a new object on S3). */
  public static void write(String path, String text) throws IOException {
    write(path, text, MimeTypes.TEXT);
  }

  /** Writes a small file of this media type (what S3 serves it as: text/html opens in a browser). */
  public static void write(String path, String text, String mimeType) throws IOException {
    try (OutputStream out = Channels.newOutputStream(
        FileSystems.create(FileSystems.matchNewResource(path, false), mimeType))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  /**
   * Replaces a small file as atomically as the filesystem allows: written beside it first, then
   * renamed over it (an atomic move on local disks; a single-object copy on S3).
   */
  public static void replace(String path, String text, String tag) throws IOException {
    ResourceId target = FileSystems.matchNewResource(path, false);
    ResourceId temp = FileSystems.matchNewResource(path + ".tmp-" + tag, false);
    try (OutputStream out = Channels.newOutputStream(FileSystems.create(temp, MimeTypes.TEXT))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      delete(List.of(path + ".tmp-" + tag)); // a full disk must not leave a half file behind
      throw e;
    }
    FileSystems.rename(List.of(temp), List.of(target));
  }

  /** The files a glob matches (none when nothing matches). */
  public static List<MatchResult.Metadata> match(String spec) throws IOException {
    MatchResult r = FileSystems.match(List.of(spec), EmptyMatchTreatment.ALLOW).get(0);
    if (r.status() == MatchResult.Status.ERROR) {
      throw new IOException("cannot list " + spec);
    }
    return r.status() == MatchResult.Status.OK ? r.metadata() : List.of();
  }

  /**
   * Deletes files; those already gone are fine. Local files are deleted here: Beam's
   * IGNORE_MISSING_FILES first matches every path as a glob, and on a local disk a missing one
   * lists its whole folder, so N missing files in a folder of N cost N² (a clean-up of 1,500
   * files and their absent ".inprogress" twins took 14.5 s; docs/benchmarks.md).
   */
  public static void delete(List<String> paths) throws IOException {
    List<ResourceId> elsewhere = new ArrayList<>();
    for (String p : paths) {
      if (p.contains("://")) {
        elsewhere.add(FileSystems.matchNewResource(p, false));
      } else {
        deleteLocal(Path.of(p).toAbsolutePath());
      }
    }
    if (!elsewhere.isEmpty()) {
      FileSystems.delete(elsewhere, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    }
  }

  private static void deleteLocal(Path file) throws IOException {
    try {
      Files.deleteIfExists(file);
    } catch (FileSystemException e) {
      if (Files.isDirectory(file.getParent())) { // a folder that is a file holds nothing to delete
        throw e;
      }
    }
  }

  /** Removes a local folder if it is empty (object stores have no folders to remove). */
  public static void removeEmptyFolder(String path) {
    if (path.contains("://")) {
      return;
    }
    try {
      Files.deleteIfExists(Path.of(path));
    } catch (IOException notEmpty) {
      // another run's marks are in it, or it is gone: either way nothing to do
    }
  }
}
