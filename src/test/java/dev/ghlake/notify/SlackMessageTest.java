package dev.ghlake.notify;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ghlake.commit.RunLedger;
import dev.ghlake.summary.RunLimits;
import dev.ghlake.summary.RunMessage;
import dev.ghlake.summary.RunSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class SlackMessageTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  private RunSummary summary(String error, int missingHours) throws Exception {
    return summary(error, missingHours, "s3://lake/gh");
  }

  private RunSummary summary(String error, int missingHours, String output) throws Exception {
    StringBuilder entries = new StringBuilder(String.join(",",
        e("READ", "", "a", 1000), e("WRITTEN", "PushEvent", "a", 900), e("FILTERED", "bot", "a", 60),
        e("FILTERED", "type_excluded", "a", 30), e("DUPLICATE", "", "a", 4), e("REJECTED", "invalid_json", "a", 6)));
    List<String> sources = new ArrayList<>();
    for (int i = 0; i < missingHours; i++) {
      sources.add("{\"name\":\"2024-07-01-" + i + ".json.gz\",\"path\":\"https://data.gharchive.org/2024-07-01-"
          + i + ".json.gz\",\"role\":\"WINDOW\",\"status\":\"MISSING\",\"bytes\":0,\"lines\":0}");
    }
    Path f = tmp.newFile().toPath();
    Files.writeString(f, "{\"entries\":[" + entries + "],\"sources\":[" + String.join(",", sources)
        + "],\"partitions\":[{\"partition\":\"dt=2024-07-01/hour=00\",\"committed\":true,\"complete\":true,"
        + "\"written\":900,\"files\":2,\"bytes\":3000000,\"gaps\":[],\"warnings\":[]}]}");
    return new RunSummary("20240701T000000Z-abcd", output, "2024-07-01T00 .. 2024-07-02T00",
        RunLedger.read(f.toString()), 12.5, error, new RunLimits(0.5, false));
  }

  private static String e(String kind, String detail, String source, long n) {
    return String.format("{\"kind\":\"%s\",\"detail\":\"%s\",\"hour\":\"\",\"source\":\"%s\",\"count\":%d}",
        kind, detail, source, n);
  }

  private static List<String> texts(JsonNode payload) {
    List<String> out = new ArrayList<>();
    payload.get("blocks").findValues("text").forEach(t -> out.add(t.isTextual() ? t.textValue() : t.path("text").asText()));
    return out;
  }

  @Test
  public void showsStatusCountsAndWhereTheDataIs() throws Exception {
    RunSummary s = summary(null, 0);
    JsonNode payload = JSON.readTree(RunMessage.of(s, "1.0").toJson());
    assertEquals("header", payload.at("/blocks/0/type").asText());
    assertEquals(":white_check_mark: ghlake run succeeded", payload.at("/blocks/0/text/text").asText());
    String all = String.join("\n", texts(payload));
    assertTrue(all, all.contains("*Read*\n1,000") && all.contains("*Written*\n900"));
    assertTrue(all, all.contains("*Filtered*\n90\nbot 60\ntype_excluded 30"));
    assertTrue(all, all.contains("*Rejected*\n6\ninvalid_json 6") && all.contains("*Duplicates*\n4"));
    assertTrue(all, all.contains("*Partitions · files*\n1 · 2 (3.0 MB)") && all.contains("s3://lake/gh"));
    assertTrue(all, all.contains("2024-07-01T00 .. 2024-07-02T00") && all.contains("12.5 s"));
    assertTrue(payload.get("text").asText().contains("read 1,000, written 900"));
  }

  @Test
  public void staysWithinSlacksLimitsWhateverHappened() throws Exception {
    RunSummary s = summary("RuntimeException: " + "boom ".repeat(4_000), 37);
    JsonNode payload = JSON.readTree(RunMessage.of(s, "1.0").toJson());
    assertTrue(payload.get("blocks").size() <= 50);
    assertEquals(":x: ghlake run failed", payload.at("/blocks/0/text/text").asText());
    for (JsonNode block : payload.get("blocks")) {
      if (block.has("text")) {
        assertTrue(block.toString().length() + "", block.at("/text/text").asText().length() <= 3_000);
      }
      for (JsonNode field : block.path("fields")) {
        assertTrue(field.get("text").asText().length() <= 2_000);
      }
    }
    String all = String.join("\n", texts(payload));
    assertTrue(all, all.contains("… (cut)"));
    assertTrue(all, all.contains("… and 27 more")); // 37 missing hours, 10 shown
  }

  @Test
  public void pathsWithGlobCharactersAreShownAsTheyAreInSlackAndOnTheConsole() throws Exception {
    RunSummary s = summary("cannot list /data/hours/*.json.gz: no_such_file", 0, "/data/*_raw/lake");
    SlackMessage m = RunMessage.of(s, "1.0");
    JsonNode payload = JSON.readTree(m.toJson());
    String all = String.join("\n", texts(payload));
    assertTrue(all, all.contains("*Output*\n`/data/*_raw/lake`")); // code: mrkdwn leaves it alone
    for (JsonNode block : payload.get("blocks")) {
      if (block.at("/text/text").asText().contains("Failed")) {
        assertEquals("plain_text", block.at("/text/type").asText()); // no markup to eat the *
      }
    }
    String console = m.toConsole();
    assertTrue(console, console.contains("Output: /data/*_raw/lake"));
    assertTrue(console, console.contains("cannot list /data/hours/*.json.gz: no_such_file"));
  }
}
