package dev.ghlake.testing;

import static org.junit.Assume.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real GH Archive sample shared beside the checkout ({@code ../shared/data/gharchive}, or the
 * {@code ghlake.data.dir} system property). Tests that need it skip, saying why, where it is absent.
 */
public final class RealData {
  private RealData() {}

  public static Path root() {
    String configured = System.getProperty("ghlake.data.dir", "../shared/data/gharchive");
    Path root = Path.of(configured).toAbsolutePath().normalize();
    assumeTrue("Real GH Archive data not found at " + root + " (set -Dghlake.data.dir=...); "
        + "skipping: the project's own fixtures still cover every era", Files.isDirectory(root));
    return root;
  }

  public static Path hours() {
    return root().resolve("hours");
  }

  public static Path fixtures() {
    return root().resolve("fixtures");
  }
}
