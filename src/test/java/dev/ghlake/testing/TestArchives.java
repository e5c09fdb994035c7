package dev.ghlake.testing;

import dev.ghlake.source.synthetic.SyntheticPlan;
import dev.ghlake.source.synthetic.WriteSyntheticArchive;
import java.io.IOException;
import java.nio.file.Path;
import java.util.zip.Deflater;

/**
 * Synthetic archives for tests: the benchmarks' events, gzipped at level 1. The tests write some
 * 1.3 million events; deflate at the default level was most of that time (2.5× level 1's), and
 * no test depends on the compressed bytes, only on the events.
 */
public final class TestArchives {
  private TestArchives() {}

  /** Writes every hour of the plan into the folder; the number of events written. */
  public static long write(Path folder, SyntheticPlan plan, long seed) throws IOException {
    return WriteSyntheticArchive.write(folder, plan, seed, Deflater.BEST_SPEED);
  }
}
