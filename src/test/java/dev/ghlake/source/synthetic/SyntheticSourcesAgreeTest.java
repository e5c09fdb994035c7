package dev.ghlake.source.synthetic;

import static org.junit.Assert.assertEquals;

import dev.ghlake.source.ArchiveReader;
import dev.ghlake.source.LineSink;
import dev.ghlake.source.ReadSettings;
import dev.ghlake.source.SourceUnit;
import dev.ghlake.testing.TestArchives;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The synthetic source's units and the synthetic archive files hold the same events. */
public class SyntheticSourcesAgreeTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void generatedLinesEqualTheWrittenArchiveFiles() throws Exception {
    SyntheticPlan plan = new SyntheticPlan(30_001, 3, "2024-07-01T22");
    Path dir = tmp.getRoot().toPath();
    assertEquals(30_001, TestArchives.write(dir, plan, 9));

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

    List<String> generated = new ArrayList<>();
    try (ArchiveReader reader = new ArchiveReader(new ReadSettings(1 << 20, null, 9))) {
      for (SyntheticPlan.Shard shard : plan.shards()) {
        SourceUnit unit = SourceUnit.synthetic(shard);
        reader.read(unit, new LineSink() {
          @Override
          public int line(byte[] bytes, int length, long lineNumber) {
            generated.add(shard.hourName() + " " + new String(bytes, 0, length, StandardCharsets.UTF_8));
            return 1;
          }

          @Override
          public void tooLong(byte[] firstBytes, int length, long lineNumber, int maxLineBytes) {
            generated.add("too long");
          }
        });
      }
    }
    generated.sort(null);
    fromFiles.sort(null);
    assertEquals(fromFiles, generated);
  }
}
