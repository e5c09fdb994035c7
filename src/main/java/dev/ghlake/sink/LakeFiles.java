package dev.ghlake.sink;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.util.MimeTypes;

/** Small whole-file operations on any Beam filesystem (local, s3://, gs://). */
final class LakeFiles {
  private LakeFiles() {}

  /** The file's text, or null when it does not exist. */
  static String readIfExists(String path) throws IOException {
    List<MatchResult.Metadata> found = match(path);
    if (found.isEmpty()) {
      return null;
    }
    try (InputStream in = Channels.newInputStream(FileSystems.open(found.get(0).resourceId()))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /**
   * Replaces a small file as atomically as the filesystem allows: written beside it first, then
   * renamed over it (an atomic move on local disks; a single-object copy on S3).
   */
  static void replace(String path, String text, String tag) throws IOException {
    ResourceId target = FileSystems.matchNewResource(path, false);
    ResourceId temp = FileSystems.matchNewResource(path + ".tmp-" + tag, false);
    try (OutputStream out = Channels.newOutputStream(FileSystems.create(temp, MimeTypes.TEXT))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    FileSystems.rename(List.of(temp), List.of(target));
  }

  static long size(String path) throws IOException {
    List<MatchResult.Metadata> found = match(path);
    if (found.isEmpty()) {
      throw new IOException("written file vanished: " + path);
    }
    return found.get(0).sizeBytes();
  }

  /** Deletes the files a glob matches except those named in {@code keep}; returns how many. */
  static int deleteExcept(String glob, List<String> keep) throws IOException {
    List<ResourceId> stale = new ArrayList<>();
    for (MatchResult.Metadata m : match(glob)) {
      if (!keep.contains(m.resourceId().getFilename())) {
        stale.add(m.resourceId());
      }
    }
    FileSystems.delete(stale);
    return stale.size();
  }

  private static List<MatchResult.Metadata> match(String spec) throws IOException {
    MatchResult r = FileSystems.match(List.of(spec), EmptyMatchTreatment.ALLOW).get(0);
    if (r.status() == MatchResult.Status.ERROR) {
      throw new IOException("cannot list " + spec);
    }
    return r.status() == MatchResult.Status.OK ? r.metadata() : List.of();
  }
}
