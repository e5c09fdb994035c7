package dev.ghlake.source;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.ghlake.accounting.SourceOutcome;
import dev.ghlake.model.HourWindow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.Inflater;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** A window's hour files planned and read: present, cut, empty and missing hours, and margins. */
public class ArchiveReaderTest {
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

  /** Collects what a reader hands over. */
  private static final class Collected implements LineSink {
    final List<String> lines = new ArrayList<>();
    final List<Long> numbers = new ArrayList<>();

    @Override
    public int line(byte[] bytes, int length, long lineNumber) {
      lines.add(new String(bytes, 0, length, StandardCharsets.UTF_8));
      numbers.add(lineNumber);
      return 1;
    }

    @Override
    public void tooLong(byte[] firstBytes, int length, long lineNumber, int maxLineBytes) {
      lines.add("TOO LONG");
    }
  }

  @Test
  public void aWindowIsPlannedHourByHourAndEachHourReadToWhatItHolds() throws Exception {
    Path dir = tmp.getRoot().toPath();
    List<String> good = lines(3, "good-");
    List<String> withBlank = new ArrayList<>(good);
    withBlank.add(1, "   ");
    Files.write(dir.resolve("2024-07-01-0.json.gz"), gzip(withBlank));
    List<String> whole = lines(2000, "cut-");
    byte[] full = gzip(whole);
    byte[] cut = java.util.Arrays.copyOf(full, full.length * 6 / 10);
    Files.write(dir.resolve("2024-07-01-1.json.gz"), cut);
    Files.write(dir.resolve("2024-07-01-2.json.gz"), new byte[0]);
    // 2024-07-01-3.json.gz is missing; hours 4-9 are the margin (--latenessHours=6), all missing

    List<SourceUnit> units = ArchiveInput.units(dir.toString(),
        List.of(HourWindow.parse("2024-07-01T00", "2024-07-01T04")), 6);
    assertEquals(10, units.size());
    assertEquals(4, units.stream().filter(u -> u.role() == SourceOutcome.Role.WINDOW).count());
    assertEquals(List.of(dir + "/2024-07-01-3.json.gz"), units.stream()
        .filter(u -> u.role() == SourceOutcome.Role.WINDOW && u.plannedBytes() == SourceUnit.MISSING)
        .map(SourceUnit::location).toList());

    List<SourceOutcome> outcomes = new ArrayList<>();
    List<Collected> read = new ArrayList<>();
    try (ArchiveReader reader = new ArchiveReader(new ReadSettings(1 << 20, null, 0))) {
      for (SourceUnit u : units) {
        Collected c = new Collected();
        outcomes.add(reader.read(u, c));
        read.add(c);
      }
    }
    assertEquals(good, read.get(0).lines);
    assertEquals(List.of(1L, 3L, 4L), read.get(0).numbers); // blank line 2 is no event
    assertEquals(SourceOutcome.Status.COMPLETE, outcomes.get(0).status());

    // the cut file keeps exactly the complete lines its bytes hold (what zlib itself inflates)
    int complete = completeLines(cut);
    assertTrue("some lines before the cut", complete > 100);
    assertEquals(whole.subList(0, complete), read.get(1).lines);
    assertEquals(SourceOutcome.Status.BROKEN, outcomes.get(1).status());
    assertEquals(complete, outcomes.get(1).lines());

    assertEquals(SourceOutcome.Status.EMPTY, outcomes.get(2).status());
    assertEquals(SourceOutcome.Status.MISSING, outcomes.get(3).status());
    assertEquals(SourceOutcome.Role.WINDOW, outcomes.get(3).role());
    for (int h = 4; h < 10; h++) {
      assertEquals(SourceOutcome.Status.MISSING, outcomes.get(h).status());
      assertEquals(SourceOutcome.Role.MARGIN, outcomes.get(h).role());
    }
  }

  /** Complete lines in a cut gzip, by zlib's raw inflater fed every byte (header of 10 skipped). */
  private static int completeLines(byte[] gzip) throws Exception {
    Inflater inflater = new Inflater(true);
    inflater.setInput(gzip, 10, gzip.length - 10);
    byte[] out = new byte[1 << 16];
    int newlines = 0;
    int n;
    while ((n = inflater.inflate(out)) > 0) {
      for (int i = 0; i < n; i++) {
        newlines += out[i] == '\n' ? 1 : 0;
      }
    }
    return newlines;
  }
}
