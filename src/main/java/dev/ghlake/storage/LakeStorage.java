package dev.ghlake.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.util.MimeTypes;

/**
 * Prepares and checks the lake's storage before a run reads anything: path-style S3 when asked,
 * and a first write, the run's start record, so a wrong bucket, wrong keys or an unreachable
 * endpoint fail at once with a message that names the place.
 */
public final class LakeStorage {
  private LakeStorage() {}

  /** Call before {@code Pipeline.create}: it decides which S3 client Beam builds. */
  public static void configure(StorageOptions options) {
    if (options.getS3PathStyle()) {
      options.setS3ClientFactoryClass(PathStyleS3ClientBuilderFactory.class);
    }
    FileSystems.setDefaultPipelineOptions(options);
  }

  /** Writes {@code <output>/_runs/<run>/started.json}; throws, naming the location, if it cannot. */
  public static void writeStartRecord(StorageOptions options, String output, String runId, String json) {
    String path = (output.endsWith("/") ? output : output + "/") + "_runs/" + runId + "/started.json";
    try (OutputStream out = Channels.newOutputStream(
        FileSystems.create(FileSystems.matchNewResource(path, false), MimeTypes.TEXT))) {
      out.write(json.getBytes(StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      String via = options.getEndpoint() == null || !output.startsWith("s3://")
          ? "" : " through the endpoint " + options.getEndpoint();
      throw new StorageException("cannot write to the lake at " + output + via + " (" + describe(e)
          + "): check the bucket name, the credentials and the endpoint", e);
    }
  }

  /** The innermost cause, as one line without a stack trace. */
  public static String describe(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String message = t.getMessage() == null ? "" : t.getMessage().split("\n")[0];
    return t.getClass().getSimpleName() + ": " + message;
  }

  /** The lake's storage cannot be used. */
  public static final class StorageException extends RuntimeException {
    StorageException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
