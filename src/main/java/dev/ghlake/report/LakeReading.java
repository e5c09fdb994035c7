package dev.ghlake.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ghlake.model.PartitionBy;
import dev.ghlake.storage.LakeFiles;
import dev.ghlake.storage.LakeLayout;
import dev.ghlake.storage.RunRecords;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.apache.beam.sdk.io.fs.MatchResult;

/**
 * What the report reads from a lake: its manifests, its runs' summaries (or ledgers) and which
 * partitions runs kept; never the Parquet data, so five years of hourly partitions read in
 * seconds. The files are read by several threads: on S3 each read is a request's round trip.
 */
public final class LakeReading {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Reads at once: S3 answers each in tens of milliseconds, and 43,800 of them make five years of hours. */
  static final int THREADS = 16;

  private LakeReading() {}

  /**
   * The lake's state between two days (either null: no bound).
   *
   * @throws IOException when the lake cannot be listed or a record read
   */
  public static LakeState read(String lake, LocalDate from, LocalDate to) throws IOException {
    String root = lake.endsWith("/") ? lake : lake + "/";
    List<MatchResult.Metadata> manifests = new ArrayList<>();
    PartitionBy by = LakeLayout.of(lake); // one listing: a glob walks the whole tree each time
    String glob = by == PartitionBy.hour ? "events/dt=*/hour=*/_manifest.json" : "events/dt=*/_manifest.json";
    for (MatchResult.Metadata m : by == null ? List.<MatchResult.Metadata>of() : LakeFiles.match(root + glob)) {
      if (inRange(m.resourceId().toString(), from, to)) {
        manifests.add(m);
      }
    }
    List<String> runFolders = new ArrayList<>();
    for (MatchResult.Metadata m : LakeFiles.match(RunRecords.startedGlob(lake))) {
      String path = m.resourceId().toString();
      runFolders.add(path.substring(0, path.lastIndexOf('/')));
    }
    ExecutorService pool = Executors.newFixedThreadPool(THREADS, r -> {
      Thread t = new Thread(r, "ghlake-report-read");
      t.setDaemon(true);
      return t;
    });
    try {
      List<PartitionState> partitions = all(pool, manifests, p -> manifest(p));
      List<RunReading.Run> runs = all(pool, runFolders, RunReading::of);
      partitions.sort(Comparator.comparing(PartitionState::start));
      return LakeState.of(lake, partitions, runs, from, to);
    } finally {
      pool.shutdownNow();
    }
  }

  private static boolean inRange(String manifestPath, LocalDate from, LocalDate to) {
    int at = manifestPath.indexOf("/dt=");
    LocalDate day = LocalDate.parse(manifestPath.substring(at + 4, at + 14));
    return (from == null || !day.isBefore(from)) && (to == null || day.isBefore(to));
  }

  private static PartitionState manifest(MatchResult.Metadata listed) {
    try (InputStream in = LakeFiles.open(listed)) {
      return ManifestReading.of(in);
    } catch (FileNotFoundException | NoSuchFileException e) {
      return null; // gone since the listing: a re-run replaced the partition
    } catch (IOException e) {
      throw new UncheckedIOException(listed.resourceId() + ": " + e.getMessage(), e);
    }
  }

  static JsonNode tree(String path) {
    try {
      String text = LakeFiles.readIfExists(path);
      return text == null ? null : JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(path + ": " + e.getMessage(), e);
    }
  }

  private static <P, T> List<T> all(ExecutorService pool, List<P> paths, Function<P, T> read)
      throws IOException {
    List<Future<T>> futures = new ArrayList<>();
    paths.forEach(p -> futures.add(pool.submit(() -> read.apply(p))));
    List<T> out = new ArrayList<>();
    try {
      for (Future<T> f : futures) {
        T value = f.get();
        if (value != null) {
          out.add(value);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading the lake", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof UncheckedIOException u ? u.getCause()
          : new IOException(e.getCause().toString(), e.getCause());
    }
    return out;
  }
}
