package dev.ghlake;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ghlake.cli.CommandLine;
import dev.ghlake.run.GhLakeOptions;
import dev.ghlake.summary.RunSummary;
import dev.ghlake.testing.ArchiveFiles;
import dev.ghlake.testing.DuckDb;
import dev.ghlake.testing.RealData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * GH Archive's own broken files, built to the shapes its issue tracker documents
 * (igrigorik/gharchive.org) from the real 2012 hour: events sharing a line (#9, #17, #18, #50,
 * #53), a whole file without newlines (#9), an event cut inside a string with the next glued on
 * (#169, #271), a run of NUL bytes where a record was wiped (#190). Every event the file holds
 * is loaded; a broken event costs one dead letter, never its neighbours.
 */
public class GhArchiveFileDefectsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HOUR = "2012-02-15-0.json.gz";
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  private static List<byte[]> realLines() throws IOException {
    List<byte[]> lines = new ArrayList<>();
    try (InputStream in = new GZIPInputStream(Files.newInputStream(RealData.hours().resolve(HOUR)))) {
      byte[] all = in.readAllBytes();
      int start = 0;
      for (int i = 0; i < all.length; i++) {
        if (all[i] == '\n') {
          if (i > start) {
            lines.add(Arrays.copyOfRange(all, start, i));
          }
          start = i + 1;
        }
      }
      if (start < all.length) {
        lines.add(Arrays.copyOfRange(all, start, all.length));
      }
    }
    return lines;
  }

  private static byte[] join(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private RunSummary load(byte[] gzipped, String... extra) throws IOException {
    Path archive = tmp.newFolder().toPath();
    ArchiveFiles.write(archive, HOUR, gzipped);
    List<String> args = new ArrayList<>(List.of("--input=" + archive + "/*.json.gz",
        "--output=" + tmp.newFolder().getPath(), "--progressSeconds=0"));
    args.addAll(List.of(extra));
    return GhLake.run(CommandLine.options(args.toArray(new String[0])));
  }

  private static long rows(RunSummary s) throws Exception {
    return DuckDb.count("SELECT count(*) FROM read_parquet('" + s.output() + "/events/**/*.parquet')");
  }

  @Test
  public void eventsThatShareALineAreEachLoadedAndCountedAsEvents() throws Exception {
    List<byte[]> real = realLines();
    List<byte[]> lines = new ArrayList<>();
    int joined = 0;
    for (int i = 0; i < real.size(); i++) {
      if (i % 100 == 7 && joined < 10 && i + 1 < real.size()) {
        lines.add(join(real.get(i), real.get(i + 1))); // `}{`, as in March and April 2012
        i++;
        joined++;
      } else if (i % 100 == 57 && i + 1 < real.size()) {
        lines.add(join(real.get(i), " ".getBytes(UTF_8), real.get(i + 1))); // `} {`
        i++;
      } else {
        lines.add(real.get(i));
      }
    }
    RunSummary s = load(ArchiveFiles.gzip(lines));

    assertEquals(real.size(), s.read());
    assertEquals(Map.of(), s.rejected());
    assertEquals(real.size(), s.written());
    assertEquals(real.size(), rows(s));
    long pairs = real.size() - lines.size();
    assertEquals(2 * pairs, s.recoveredFromSharedLines());
    assertTrue(s.identityHolds());
  }

  @Test
  public void aWholeFileWithoutNewlinesStreamsThroughInPiecesOfWholeEvents() throws Exception {
    List<byte[]> real = realLines();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      for (byte[] line : real) {
        gz.write(line); // no separator at all: the file is one line of several MB
      }
    }
    long total = real.stream().mapToLong(l -> l.length).sum();
    assertTrue("the file is larger than a line may be", total > 3L * 1024 * 1024);

    RunSummary s = load(bytes.toByteArray(), "--maxLineMB=1");

    assertEquals(real.size(), s.read());
    assertEquals(Map.of(), s.rejected());
    assertEquals(real.size(), s.written());
    assertEquals(real.size(), rows(s));
    assertEquals(real.size(), s.recoveredFromSharedLines());
    assertTrue(s.identityHolds());
  }

  @Test
  public void aCutEventAndAWipedRecordCostOneDeadLetterEachAndNoNeighbour() throws Exception {
    List<byte[]> real = realLines();
    List<byte[]> lines = new ArrayList<>(real);
    // #190: a run of NUL bytes after an event, on its line (a wiped record)
    int withNuls = 200;
    lines.set(withNuls, join(real.get(withNuls), new byte[4096]));
    // #169 / #271: an event cut inside a string, the next event glued on
    byte[] victim = real.get(100);
    int insideString = new String(victim, UTF_8).indexOf("\"url\":\"") + 20;
    lines.set(100, join(Arrays.copyOf(victim, insideString), real.get(101)));
    lines.remove(101);

    RunSummary s = load(ArchiveFiles.gzip(lines), "--maxRejectedRatio=0.01");

    long expectedWritten = real.size() - 1; // the cut event is lost, and only it
    assertEquals(expectedWritten, s.written());
    assertEquals(expectedWritten, rows(s));
    assertEquals(Map.of("invalid_json", 2L), s.rejected()); // the cut event, the NUL run
    assertEquals(real.size() + 1, s.read());
    assertTrue(s.identityHolds());
    String events = "read_parquet('" + s.output() + "/events/**/*.parquet')";
    for (int kept : new int[] {101, withNuls}) {
      String id = JSON.readTree(real.get(kept)).get("id").asText();
      assertEquals("event of line " + (kept + 1) + " is in the lake", 1,
          DuckDb.count("SELECT count(*) FROM " + events + " WHERE event_id = '" + id + "'"));
    }
    String lost = JSON.readTree(real.get(100)).get("id").asText();
    assertEquals(0, DuckDb.count("SELECT count(*) FROM " + events + " WHERE event_id = '" + lost + "'"));
  }
}
