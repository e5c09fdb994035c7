package dev.ghlake;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import dev.ghlake.cli.CommandLine;
import dev.ghlake.run.GhLakeOptions;
import dev.ghlake.source.synthetic.SyntheticPlan;
import dev.ghlake.summary.RunSummary;
import dev.ghlake.testing.TestArchives;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * What a reader that only globs {@code events/**}{@code /*.parquet} sees while runs write and
 * replace partitions (issue 24): every file it finds is whole (Parquet's magic at both ends, a
 * footer inside the file), never one being written. docs/lake.md, "How a partition is replaced".
 */
public class GlobReaderTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  @Test
  public void aGlobReaderNeverSeesAHalfWrittenFileWhileRunsWriteAndReplacePartitions() throws Exception {
    Path archive = tmp.newFolder("archive").toPath();
    TestArchives.write(archive, new SyntheticPlan(60_000, 6, "2024-07-01T00"), 3);
    Path lake = tmp.getRoot().toPath().resolve("lake");
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong filesChecked = new AtomicLong();
    Map<Path, String> broken = new ConcurrentSkipListMap<>(); // each file once, with what was wrong
    Thread reader = new Thread(() -> {
      while (running.get()) {
        for (Path p : parquetFiles(lake)) {
          String problem = wholeness(p);
          if (problem == null) {
            filesChecked.incrementAndGet();
          } else if (!problem.isEmpty()) {
            broken.putIfAbsent(p, problem);
          }
        }
      }
    }, "glob-reader");
    reader.start();
    try {
      for (String run : List.of("first", "replacing")) { // the second replaces every partition the first wrote
        RunSummary s = GhLake.run(CommandLine.options("--input=" + archive, "--output=" + lake,
            "--from=2024-07-01T00", "--to=2024-07-01T06", "--latenessHours=0", "--progressSeconds=0"));
        assertEquals(run, RunSummary.Status.success, s.status());
      }
    } finally {
      running.set(false);
      reader.join();
    }
    assertEquals(Map.of(), broken);
    assertTrue("the reader saw the files as they came: " + filesChecked.get(), filesChecked.get() > 6);
  }

  private static List<Path> parquetFiles(Path lake) {
    Path events = lake.resolve("events");
    if (!Files.isDirectory(events)) {
      return List.of();
    }
    try (Stream<Path> all = Files.walk(events)) {
      return all.filter(p -> p.getFileName().toString().endsWith(".parquet")).toList();
    } catch (UncheckedIOException | IOException e) {
      return List.of(); // a folder went while it was walked: look again
    }
  }

  /** Null when the file is a whole Parquet file, "" when it went since its listing, else what is wrong. */
  private static String wholeness(Path file) {
    try (FileChannel c = FileChannel.open(file)) {
      long size = c.size();
      if (size < 12) {
        return "only " + size + " bytes";
      }
      ByteBuffer head = ByteBuffer.allocate(4);
      c.read(head, 0);
      ByteBuffer tail = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      c.read(tail, size - 8);
      int footer = tail.getInt(0);
      boolean magic = new String(head.array()).equals("PAR1") && new String(tail.array(), 4, 4).equals("PAR1");
      return magic && footer > 0 && footer < size - 12 ? null
          : "not a whole Parquet file (" + size + " bytes, footer " + footer + ")";
    } catch (NoSuchFileException e) {
      return ""; // replaced and deleted since the listing: a reader that globbed earlier misses it, never reads half of it
    } catch (IOException e) {
      return e.toString();
    }
  }
}
