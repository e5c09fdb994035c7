package dev.ghlake.source.bigquery;

import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import dev.ghlake.secrets.SecretOptions;
import dev.ghlake.secrets.Secrets;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.beam.sdk.extensions.gcp.options.GcpOptions;

/**
 * Gives the BigQuery clients a service-account key named by a secret reference, instead of the
 * application default credentials. Nothing is contacted here: the key is only parsed.
 */
public final class GcpCredentials {
  private static final List<String> SCOPES = List.of(
      "https://www.googleapis.com/auth/bigquery", "https://www.googleapis.com/auth/cloud-platform");

  private GcpCredentials() {}

  /** Call before {@code Pipeline.create}. */
  public static void configure(BigQueryOptions options) {
    String reference = options.getGcpServiceAccountKey();
    if (reference == null) {
      return;
    }
    String key = new Secrets(options.as(SecretOptions.class)).resolve("gcpServiceAccountKey", reference).reveal();
    try {
      GoogleCredentials credentials = ServiceAccountCredentials.fromStream(
          new ByteArrayInputStream(key.getBytes(StandardCharsets.UTF_8))).createScoped(SCOPES);
      options.as(GcpOptions.class).setGcpCredential(credentials);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("the secret given by --gcpServiceAccountKey is not a "
          + "service-account key: " + e.getClass().getSimpleName());
    }
  }
}
