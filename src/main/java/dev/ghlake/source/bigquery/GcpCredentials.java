package dev.ghlake.source.bigquery;

import com.google.auth.Credentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import dev.ghlake.secrets.SecretOptions;
import dev.ghlake.secrets.Secrets;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.beam.sdk.extensions.gcp.auth.CredentialFactory;
import org.apache.beam.sdk.extensions.gcp.options.GcpOptions;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Gives the BigQuery clients a service-account key named by a secret reference, instead of the
 * application default credentials. Beam does not serialize a credential with the pipeline's
 * options, so this is the options' credential factory: wherever the options arrive (a Flink
 * worker, say), the reference travels and the key is resolved there; the key itself never does.
 * Nothing is contacted here: the key is only parsed.
 */
public final class GcpCredentials implements CredentialFactory {
  private static final List<String> SCOPES = List.of(
      "https://www.googleapis.com/auth/bigquery", "https://www.googleapis.com/auth/cloud-platform");
  private final BigQueryOptions options;

  private GcpCredentials(BigQueryOptions options) {
    this.options = options;
  }

  /** Beam's factory method for {@code --credentialFactoryClass}. */
  public static GcpCredentials fromOptions(PipelineOptions options) {
    return new GcpCredentials(options.as(BigQueryOptions.class));
  }

  /** Call before {@code Pipeline.create}: checks the key now, so a bad one fails before anything runs. */
  public static void configure(BigQueryOptions options) {
    if (options.getGcpServiceAccountKey() == null) {
      return;
    }
    GcpOptions gcp = options.as(GcpOptions.class);
    gcp.setGcpCredential(fromOptions(options).getCredential());
    gcp.setCredentialFactoryClass(GcpCredentials.class);
  }

  @Override
  public Credentials getCredential() {
    String key = new Secrets(options.as(SecretOptions.class))
        .resolve("gcpServiceAccountKey", options.getGcpServiceAccountKey()).reveal();
    try {
      return ServiceAccountCredentials.fromStream(
          new ByteArrayInputStream(key.getBytes(StandardCharsets.UTF_8))).createScoped(SCOPES);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("the secret given by --gcpServiceAccountKey is not a "
          + "service-account key: " + e.getClass().getSimpleName());
    }
  }
}
