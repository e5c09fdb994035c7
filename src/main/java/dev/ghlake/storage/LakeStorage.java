package dev.ghlake.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ghlake.model.LakePaths;
import dev.ghlake.secrets.Redactor;
import dev.ghlake.secrets.SecretOptions;
import dev.ghlake.secrets.Secrets;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.aws2.s3.DefaultS3ClientBuilderFactory;
import org.apache.beam.sdk.util.MimeTypes;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Prepares and checks the lake's storage before a run reads anything: path-style S3 when asked,
 * and a first write, the run's start record, so a wrong bucket, wrong keys or an unreachable
 * endpoint fail at once with a message that names the place.
 */
public final class LakeStorage {
  private static final ObjectMapper JSON = new ObjectMapper();

  private LakeStorage() {}

  /** Call before {@code Pipeline.create}: it decides which S3 client Beam builds, with which keys. */
  public static void configure(StorageOptions options) {
    if (options.getS3ClientFactoryClass() == DefaultS3ClientBuilderFactory.class) { // not the user's own
      options.setS3ClientFactoryClass(CountingS3ClientBuilderFactory.class); // path style, requests counted
    }
    if (options.getAwsCredentialsSecret() != null) {
      options.setAwsCredentialsProvider(StaticCredentialsProvider.create(keys(options)));
    }
    FileSystems.setDefaultPipelineOptions(options);
  }

  private static AwsCredentials keys(StorageOptions options) {
    String json = new Secrets(options.as(SecretOptions.class))
        .resolve("awsCredentialsSecret", options.getAwsCredentialsSecret()).reveal();
    try {
      JsonNode k = JSON.readTree(json);
      String id = k.path("accessKeyId").asText("");
      String secret = k.path("secretAccessKey").asText("");
      if (id.isEmpty() || secret.isEmpty()) {
        throw new IllegalArgumentException("the secret given by --awsCredentialsSecret needs "
            + "\"accessKeyId\" and \"secretAccessKey\"");
      }
      Redactor.remember(id);
      return k.hasNonNull("sessionToken")
          ? AwsSessionCredentials.create(id, secret, k.get("sessionToken").asText())
          : AwsBasicCredentials.create(id, secret);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the secret given by --awsCredentialsSecret is not JSON");
    }
  }

  /** Writes {@code <output>/_runs/<run>/started.json}; throws, naming the location, if it cannot. */
  public static void writeStartRecord(StorageOptions options, LakePaths lake, String runId, String json) {
    String path = RunRecords.started(lake, runId);
    try (OutputStream out = Channels.newOutputStream(
        FileSystems.create(FileSystems.matchNewResource(path, false), MimeTypes.TEXT))) {
      out.write(json.getBytes(StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      throw new StorageException("cannot write to the lake at " + lake + " (" + describe(e)
          + "): " + advice(options, lake.root()), e);
    }
  }

  /** What to check when the lake cannot be written, for its kind of storage. */
  public static String advice(StorageOptions options, String output) {
    if (output.startsWith("s3://")) {
      return "check the bucket name, the credentials"
          + (options.getEndpoint() == null ? " and the region" : " and the endpoint " + options.getEndpoint());
    }
    if (output.contains("://")) {
      return "check the location and the credentials for it";
    }
    return "check that the folder exists or can be made, that it is writable, and that its disk has room";
  }

  /**
   * Removes what Beam's file writes left under a folder: temporary files of a write that failed,
   * and the empty {@code .temp-beam} folders FileIO leaves on local disks after moving its files.
   * Called for folders no running run writes to.
   */
  public static void removeBeamTemp(String folder) {
    try {
      List<String> leftovers = new ArrayList<>();
      LakeFiles.match((folder.endsWith("/") ? folder : folder + "/") + ".temp-beam*/*")
          .forEach(m -> leftovers.add(m.resourceId().toString()));
      LakeFiles.delete(leftovers);
    } catch (IOException | RuntimeException e) {
      // tidying is a courtesy; the run's outcome does not depend on it
    }
    tidyLocal(folder);
  }

  private static void tidyLocal(String output) {
    if (output.contains("://") || !Files.isDirectory(Path.of(output))) {
      return;
    }
    try (Stream<Path> paths = Files.walk(Path.of(output), 1)) {
      List<Path> temp = paths.filter(Files::isDirectory)
          .filter(d -> d.getFileName().toString().startsWith(".temp-beam")).toList();
      for (Path d : temp) {
        try {
          Files.delete(d);
        } catch (IOException notEmpty) {
          // still holds files (another run's, or a failed move): leave it
        }
      }
    } catch (IOException | RuntimeException e) {
      // tidying is a courtesy; the run's outcome does not depend on it
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
