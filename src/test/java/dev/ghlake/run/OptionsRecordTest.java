package dev.ghlake.run;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ghlake.cli.CommandLine;
import dev.ghlake.run.GhLakeOptions;
import org.junit.Test;

public class OptionsRecordTest {
  @Test
  public void recordsTheOptionsButNeverASecret() throws Exception {
    GhLakeOptions options = CommandLine.options(
        "--input=/data", "--types=PushEvent",
        "--awsCredentialsProvider={\"@type\":\"StaticCredentialsProvider\","
            + "\"accessKeyId\":\"AKIAEXAMPLE\",\"secretAccessKey\":\"s3cr3t-value\"}");
    String json = OptionsRecord.json(options);
    assertFalse(json, json.contains("s3cr3t-value"));
    assertFalse(json, json.contains("AKIAEXAMPLE"));
    JsonNode recorded = new ObjectMapper().readTree(json);
    assertEquals(OptionsRecord.REDACTED, recorded.get("awsCredentialsProvider").asText());
    assertEquals("/data", recorded.get("input").asText());
    assertEquals("PushEvent", recorded.get("types").get(0).asText());
  }
}
