package dev.ghlake.report;

import dev.ghlake.model.LakePaths;
import dev.ghlake.storage.LakeFiles;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;

/** Reads a lake's records and writes its health page: {@code ghlake report}, and the Lambda after each load. */
public final class HealthReport {
  private HealthReport() {}

  /** What was written. */
  public record Written(String path, int partitions, int runs, long bytes, double seconds) {
    public String describe() {
      return String.format("%s: %,d partitions, %,d runs, %,d bytes, in %.1f s", path, partitions, runs, bytes, seconds);
    }
  }

  /**
   * @param from the first day shown (null: the lake's first)
   * @param to the day after the last shown (null: through the lake's last)
   * @param out the file to write (null: {@link LakePaths#healthReport()}, beside the lake's data, which readers skip)
   */
  public static Written write(String lake, LocalDate from, LocalDate to, String out, String version)
      throws IOException {
    long t0 = System.nanoTime();
    LakeState state = LakeReading.read(lake, from, to);
    String html = HealthPage.html(state, version, Instant.now());
    String path = out != null ? out : LakePaths.of(lake).healthReport();
    LakeFiles.write(path, html, "text/html; charset=utf-8");
    return new Written(path, state.partitions().size(), state.runs().size(), html.length(),
        (System.nanoTime() - t0) / 1e9);
  }
}
