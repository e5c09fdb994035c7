package dev.ghlake.source.bigquery;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.google.auth.oauth2.ServiceAccountCredentials;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.apache.beam.runners.core.construction.SerializablePipelineOptions;
import org.apache.beam.sdk.extensions.gcp.options.GcpOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** A service-account key given as a secret reference becomes the BigQuery clients' credential. */
public class GcpCredentialsTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  private static String serviceAccountJson() throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    String pem = "-----BEGIN PRIVATE KEY-----\\n"
        + Base64.getEncoder().encodeToString(rsa.generateKeyPair().getPrivate().getEncoded())
        + "\\n-----END PRIVATE KEY-----\\n";
    return "{\"type\":\"service_account\",\"project_id\":\"p\",\"private_key_id\":\"k1\","
        + "\"private_key\":\"" + pem + "\",\"client_email\":\"ghlake@p.iam.gserviceaccount.com\","
        + "\"client_id\":\"1\",\"token_uri\":\"https://oauth2.googleapis.com/token\"}";
  }

  @Test
  public void aKeyFromASecretReferenceIsTheCredential() throws Exception {
    Path key = tmp.newFile("sa.json").toPath();
    Files.writeString(key, serviceAccountJson());
    BigQueryOptions options = PipelineOptionsFactory.fromArgs("--gcpServiceAccountKey=file:" + key)
        .as(BigQueryOptions.class);
    GcpCredentials.configure(options);
    ServiceAccountCredentials c = (ServiceAccountCredentials) options.as(GcpOptions.class).getGcpCredential();
    assertEquals("ghlake@p.iam.gserviceaccount.com", c.getClientEmail());
    assertTrue(c.getScopes().contains("https://www.googleapis.com/auth/bigquery"));
  }

  @Test
  public void theCredentialSurvivesTheOptionsSerializationThatRunnersDoButTheKeyIsNotInIt() throws Exception {
    Path key = tmp.newFile("sa.json").toPath();
    String json = serviceAccountJson();
    Files.writeString(key, json);
    BigQueryOptions options = PipelineOptionsFactory.fromArgs("--gcpServiceAccountKey=file:" + key)
        .as(BigQueryOptions.class);
    GcpCredentials.configure(options);

    // what a runner ships to its workers: the options, Java-serialized through their JSON form
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(new SerializablePipelineOptions(options));
    }
    String shipped = bytes.toString(StandardCharsets.ISO_8859_1);
    String privateKey = json.substring(json.indexOf("BEGIN PRIVATE KEY") + 30, json.indexOf("BEGIN PRIVATE KEY") + 90);
    assertTrue("the key's reference travels", shipped.contains("file:" + key));
    assertFalse("the key does not", shipped.contains(privateKey));

    SerializablePipelineOptions onWorker;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      onWorker = (SerializablePipelineOptions) in.readObject();
    }
    ServiceAccountCredentials c = (ServiceAccountCredentials) onWorker.get().as(GcpOptions.class).getGcpCredential();
    assertEquals("ghlake@p.iam.gserviceaccount.com", c.getClientEmail());
  }

  @Test
  public void withoutAReferenceTheDefaultsStandAndABadKeyIsNamedNotShown() throws Exception {
    BigQueryOptions none = PipelineOptionsFactory.as(BigQueryOptions.class);
    GcpCredentials.configure(none);
    assertNull(none.getGcpServiceAccountKey());

    Path notAKey = tmp.newFile("bad.json").toPath();
    Files.writeString(notAKey, "{\"password\":\"hunter2-secret\"}");
    String m = assertThrows(IllegalArgumentException.class, () -> GcpCredentials.configure(
        PipelineOptionsFactory.fromArgs("--gcpServiceAccountKey=file:" + notAKey).as(BigQueryOptions.class)))
        .getMessage();
    assertTrue(m, m.contains("--gcpServiceAccountKey is not a service-account key"));
    assertTrue(m, !m.contains("hunter2"));
  }
}
