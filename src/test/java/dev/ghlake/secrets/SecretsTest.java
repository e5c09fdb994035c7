package dev.ghlake.secrets;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.ghlake.testing.AwsJsonServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Secret references resolved by the real AWS SDK clients against a local AWS JSON server. */
public class SecretsTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();
  private AwsJsonServer aws;
  private Secrets secrets;

  @Before
  public void start() throws Exception {
    aws = new AwsJsonServer();
    secrets = new Secrets(PipelineOptionsFactory.fromArgs("--awsRegion=us-east-1",
        "--secretsManagerEndpoint=" + aws.endpoint(), "--ssmEndpoint=" + aws.endpoint(),
        "--awsCredentialsProvider={\"@type\":\"StaticCredentialsProvider\",\"accessKeyId\":\"test\","
            + "\"secretAccessKey\":\"test-secret-key\"}").as(SecretOptions.class));
  }

  @After
  public void stop() {
    aws.close();
  }

  @Test
  public void everyKindOfReferenceResolves() throws Exception {
    aws.secret("ghlake/slack", "{\"webhook\":\"https://hooks.example/T1/B2/abc\",\"other\":\"x\"}");
    aws.secret("plain", "just-a-value");
    aws.parameter("/ghlake/token", "ssm-secure-value");
    Path file = tmp.newFile("secret").toPath();
    Files.writeString(file, "from-a-file\n");

    assertEquals("https://hooks.example/T1/B2/abc",
        secrets.resolve("x", "secretsmanager:ghlake/slack#webhook").reveal());
    assertEquals("just-a-value", secrets.resolve("x", "secretsmanager:plain").reveal());
    assertEquals("ssm-secure-value", secrets.resolve("x", "ssm:/ghlake/token").reveal());
    assertEquals("from-a-file", secrets.resolve("x", "file:" + file).reveal());
    assertEquals(System.getenv("PATH"), secrets.resolve("x", "env:PATH").reveal());

    assertTrue(aws.calls().toString(), aws.calls().stream().anyMatch(
        c -> c.startsWith("secretsmanager.GetSecretValue ") && c.contains("\"SecretId\":\"ghlake/slack\"")));
    assertTrue("SecureStrings are asked for decrypted", aws.calls().stream().anyMatch(
        c -> c.startsWith("AmazonSSM.GetParameter ") && c.contains("\"WithDecryption\":true")));
  }

  @Test
  public void aSecretNeverPrintsItself() throws Exception {
    aws.secret("s", "top-secret-value");
    Secret s = secrets.resolve("x", "secretsmanager:s");
    assertEquals("***", s.toString());
    assertEquals("webhook=***", Redactor.redact("webhook=top-secret-value"));
  }

  @Test
  public void errorsNameTheReferenceAndTheCauseButNoValue() {
    String notFound = assertThrows(SecretException.class,
        () -> secrets.resolve("slackWebhook", "secretsmanager:missing")).getMessage();
    assertTrue(notFound, notFound.contains("secretsmanager:missing")
        && notFound.contains("--slackWebhook") && notFound.contains("ResourceNotFoundException"));

    aws.failNext("AccessDeniedException");
    String denied = assertThrows(SecretException.class,
        () -> secrets.resolve("slackWebhook", "ssm:/ghlake/token")).getMessage();
    assertTrue(denied, denied.contains("ssm:/ghlake/token") && denied.contains("AccessDenied"));

    String noParameter = assertThrows(SecretException.class,
        () -> secrets.resolve("x", "ssm:/nope")).getMessage();
    assertTrue(noParameter, noParameter.contains("ParameterNotFound"));

    aws.secret("ghlake/slack", "{\"webhook\":\"https://hooks.example/T1/B2/abc\"}");
    String noKey = assertThrows(SecretException.class,
        () -> secrets.resolve("x", "secretsmanager:ghlake/slack#nokey")).getMessage();
    assertTrue(noKey, noKey.contains("no text field 'nokey'"));
    assertFalse(noKey, noKey.contains("hooks.example"));
  }

  @Test
  public void throttlingIsRetriedByTheSdk() {
    aws.secret("busy", "finally");
    aws.failNext("ThrottlingException", "ThrottlingException");
    assertEquals("finally", secrets.resolve("x", "secretsmanager:busy").reveal());
    assertEquals(3, aws.calls().size());
  }

  @Test
  public void valuesAreRefusedReferencesRequired() {
    String m = assertThrows(IllegalArgumentException.class,
        () -> SecretRef.parse("slackWebhook", "https://hooks.slack.com/services/T/B/x")).getMessage();
    assertTrue(m, m.startsWith("--slackWebhook takes a secret reference, not a value"));
    assertFalse(m, m.contains("hooks.slack.com"));
  }
}
