package dev.ghlake.source.synthetic;

import static org.junit.Assert.assertEquals;

import dev.ghlake.model.RawLine;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The in-pipeline synthetic source and the synthetic archive files hold the same events. */
public class SyntheticSourcesAgreeTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void generatedLinesEqualTheWrittenArchiveFiles() throws Exception {
    SyntheticPlan plan = new SyntheticPlan(30_001, 3, "2024-07-01T22");
    Path dir = tmp.getRoot().toPath();
    assertEquals(30_001, WriteSyntheticArchive.write(dir, plan, 9));

    List<String> fromFiles = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
            new GZIPInputStream(Files.newInputStream(f)), StandardCharsets.UTF_8))) {
          r.lines().forEach(l -> fromFiles.add(f.getFileName() + " " + l));
        }
      }
    }
    assertEquals(List.of("2024-07-01-22.json.gz", "2024-07-01-23.json.gz", "2024-07-02-0.json.gz"),
        Files.list(dir).map(f -> f.getFileName().toString()).sorted().toList());

    PAssert.that(p.apply(new GenerateSyntheticEvents(plan, 9, new dev.ghlake.accounting.Ledger()))
            .apply(MapElements.into(TypeDescriptors.strings())
                .via((RawLine l) -> l.source().substring("synthetic:".length()) + " " + l.text())))
        .containsInAnyOrder(fromFiles);
    p.run().waitUntilFinish();
  }
}
