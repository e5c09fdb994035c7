package dev.ghlake.source;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.ghlake.accounting.Ledger;
import dev.ghlake.accounting.Tally;
import dev.ghlake.model.RawLine;
import dev.ghlake.model.RejectReason;
import dev.ghlake.model.Rejected;
import dev.ghlake.testing.Tallied;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.values.PCollection;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class ReadArchiveFilesTest {
  @Rule public final transient TestPipeline p = TestPipeline.create();
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  private static List<String> lines(int n, String tag) {
    List<String> lines = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      lines.add("{\"id\":\"" + tag + i + "\",\"type\":\"WatchEvent\",\"pad\":\"" + "x".repeat(i % 97) + "\"}");
    }
    return lines;
  }

  private static byte[] gzip(List<String> lines) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  @Test
  public void readsAWindowKeepingWhatATruncatedFileHadAndRecordingMissingHours() throws Exception {
    Path dir = tmp.getRoot().toPath();
    List<String> good = lines(3, "good-");
    Files.write(dir.resolve("2024-07-01-0.json.gz"), gzip(withBlank(good)));
    List<String> whole = lines(2000, "cut-");
    byte[] full = gzip(whole);
    Files.write(dir.resolve("2024-07-01-1.json.gz"), java.util.Arrays.copyOf(full, full.length * 6 / 10));
    Files.write(dir.resolve("2024-07-01-2.json.gz"), new byte[0]);
    // 2024-07-01-3.json.gz is missing

    SourceOptions options = PipelineOptionsFactory.fromArgs(
        "--input=" + dir, "--from=2024-07-01T00", "--to=2024-07-01T04").as(SourceOptions.class);
    Ledger ledger = new Ledger();
    PCollection<RawLine> lines = p.apply(ReadArchiveFiles.of(ArchiveInput.from(options), 1 << 20, ledger));

    PAssert.that(lines).satisfies(read -> {
      List<RawLine> hour0 = new ArrayList<>();
      List<RawLine> hour1 = new ArrayList<>();
      read.forEach(l -> (l.source().endsWith("-0.json.gz") ? hour0 : hour1).add(l));
      assertEquals(good, hour0.stream().sorted(Comparator.comparingLong(RawLine::lineNumber))
          .map(RawLine::text).toList());
      // the truncated file: a non-empty prefix of its lines, each intact, numbered from 1
      hour1.sort(Comparator.comparingLong(RawLine::lineNumber));
      assertTrue("some lines before the cut", hour1.size() > 100);
      assertTrue("not all lines", hour1.size() < whole.size());
      for (int i = 0; i < hour1.size(); i++) {
        assertEquals(i + 1, hour1.get(i).lineNumber());
        assertEquals(whole.get(i), hour1.get(i).text());
      }
      return null;
    });
    PAssert.that(ledger.rejected(p)).satisfies(rejected -> {
      List<Rejected> all = new ArrayList<>();
      rejected.forEach(all::add);
      assertEquals(1, all.size());
      assertEquals(RejectReason.UNREADABLE_FILE, all.get(0).reason());
      assertTrue(all.get(0).source().endsWith("2024-07-01-1.json.gz"));
      return null;
    });
    String missingHour = dir + "/2024-07-01-3.json.gz"; // a String: the check is serialised
    PAssert.that(ledger.entries(p)).satisfies(entries -> {
      Map<String, Long> byKind = Tallied.byKindAndDetail(entries);
      assertEquals(Long.valueOf(1), byKind.get("FILE_ERROR/unreadable_file"));
      assertEquals(Long.valueOf(1), byKind.get("MISSING/window")); // hour 3
      assertEquals(Long.valueOf(6), byKind.get("MISSING/margin")); // hours 4-9: --latenessHours=6
      List<String> missing = new ArrayList<>();
      entries.forEach(e -> {
        Tally t = Tally.parse(e.getKey());
        if (t.kind() == Tally.Kind.MISSING && t.detail().equals("window")) {
          missing.add(t.source());
        }
      });
      assertEquals(List.of(missingHour), missing);
      return null;
    });
    p.run().waitUntilFinish();
  }

  private static List<String> withBlank(List<String> lines) {
    List<String> out = new ArrayList<>(lines);
    out.add(1, "   ");
    return out;
  }
}
