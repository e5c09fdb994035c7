package dev.ghlake.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.SsmClientBuilder;

/**
 * Resolves secret references at run time with the AWS SDK's own clients (Secrets Manager,
 * SSM Parameter Store), the environment or a file. Errors name the reference and the cause.
 */
public final class Secrets {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final SecretOptions options;

  public Secrets(SecretOptions options) {
    this.options = options;
    WireLogs.silence();
  }

  public Secret resolve(String option, String reference) {
    SecretRef ref = SecretRef.parse(option, reference);
    try {
      return new Secret(switch (ref.kind()) {
        case env -> fromEnvironment(ref);
        case file -> Files.readString(Path.of(ref.name()), StandardCharsets.UTF_8).strip();
        case secretsmanager -> fromSecretsManager(ref);
        case ssm -> fromSsm(ref);
      });
    } catch (SecretException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new SecretException("cannot read the secret " + ref + " given by --" + option + ": "
          + Redactor.redact(oneLine(e)), e);
    }
  }

  private static String fromEnvironment(SecretRef ref) {
    String value = System.getenv(ref.name());
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("the environment variable " + ref.name() + " is not set");
    }
    return value;
  }

  private String fromSecretsManager(SecretRef ref) throws IOException {
    SecretsManagerClientBuilder builder = SecretsManagerClient.builder();
    configure(builder, options.getSecretsManagerEndpoint());
    String text;
    try (SecretsManagerClient client = builder.build()) {
      text = client.getSecretValue(r -> r.secretId(ref.name())).secretString();
    }
    if (ref.jsonKey() == null) {
      return text;
    }
    JsonNode value = JSON.readTree(text).get(ref.jsonKey());
    if (value == null || !value.isTextual()) {
      throw new IllegalStateException("the secret has no text field '" + ref.jsonKey() + "'");
    }
    return value.textValue();
  }

  private String fromSsm(SecretRef ref) {
    SsmClientBuilder builder = SsmClient.builder();
    configure(builder, options.getSsmEndpoint());
    try (SsmClient client = builder.build()) {
      return client.getParameter(r -> r.name(ref.name()).withDecryption(true)).parameter().value();
    }
  }

  private void configure(
      software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<?, ?> builder, String endpoint) {
    if (options.getAwsRegion() != null) {
      builder.region(options.getAwsRegion());
    }
    if (options.getAwsCredentialsProvider() != null) {
      builder.credentialsProvider(options.getAwsCredentialsProvider());
    }
    if (endpoint != null) {
      builder.endpointOverride(URI.create(endpoint));
    }
  }

  private static String oneLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return e.getClass().getSimpleName() + ": " + m.split("\n")[0];
  }
}
