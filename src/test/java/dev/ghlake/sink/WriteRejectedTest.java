package dev.ghlake.sink;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ghlake.model.LakePaths;
import dev.ghlake.model.RejectReason;
import dev.ghlake.model.Rejected;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Dead letters land in the lake as gzipped JSON lines under {@code _rejected/run=<run>/}, each
 * line one object that gives back the source, line number, reason, error and raw text exactly,
 * whatever the raw text holds; a run that rejected nothing writes nothing there.
 */
public class WriteRejectedTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Rule public final transient TestPipeline p = TestPipeline.create();
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void everyDeadLetterIsOneJsonLineThatGivesItBackExactly() throws Exception {
    LakePaths lake = LakePaths.of(tmp.newFolder("lake").getPath() + "/");
    List<Rejected> rejected = List.of(
        new Rejected("2015-01-01-15.json.gz", 7, RejectReason.INVALID_JSON, "Unexpected end-of-input",
            "{\"id\":\"1\",\"type\":"),
        new Rejected("2015-01-01-15.json.gz", 9, RejectReason.BAD_TIMESTAMP, "no created_at",
            "{\"a\":\"quote \\\" back\\\\slash\",\"b\":\"tab\there\"}\u0001 ünï €"),
        new Rejected("2012-03-10-22.json.gz", 0, RejectReason.UNREADABLE_FILE, "Unexpected end of ZLIB input stream", ""));

    p.apply(Create.of(rejected).withCoder(Rejected.RejectedCoder.of())).apply(WriteRejected.to(lake, "r1"));
    p.run().waitUntilFinish();

    List<Rejected> back = new ArrayList<>();
    for (String line : lines(Path.of(lake.rejected("r1")))) {
      JsonNode o = JSON.readTree(line);
      back.add(new Rejected(o.get("source").asText(), o.get("line").asLong(),
          reason(o.get("reason").asText()), o.get("error").asText(), o.get("raw").asText()));
    }
    back.sort((a, b) -> a.source().compareTo(b.source()) != 0 ? a.source().compareTo(b.source())
        : Long.compare(a.lineNumber(), b.lineNumber()));
    assertEquals(List.of(rejected.get(2), rejected.get(0), rejected.get(1)), back);
  }

  @Test
  public void aRunThatRejectedNothingWritesNoRejectedFile() throws Exception {
    LakePaths lake = LakePaths.of(tmp.newFolder("lake").getPath());
    p.apply(Create.empty(Rejected.RejectedCoder.of())).apply(WriteRejected.to(lake, "r2"));
    p.run().waitUntilFinish();
    Path folder = Path.of(lake.rejected("r2"));
    assertFalse("nothing under " + folder + ": " + (Files.exists(folder) ? lines(folder) : ""),
        Files.exists(folder) && !lines(folder).isEmpty());
  }

  private static RejectReason reason(String label) {
    for (RejectReason r : RejectReason.values()) {
      if (r.label().equals(label)) {
        return r;
      }
    }
    throw new AssertionError("not a reason ghlake writes: " + label);
  }

  /** Every line of every gzipped file in a folder. */
  private static List<String> lines(Path folder) throws Exception {
    List<String> out = new ArrayList<>();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
            new GZIPInputStream(Files.newInputStream(f)), StandardCharsets.UTF_8))) {
          in.lines().forEach(out::add);
        }
      }
    }
    return out;
  }
}
