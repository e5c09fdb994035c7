package dev.ghlake.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's headless Chromium, a real browser for what a person looks at: a page opened from disk
 * with every network request refused (no name resolves, the proxy is a closed port), its DOM as
 * the browser built it, and a screenshot. {@code .ci/run} installs it when it is absent.
 */
public final class Chromium {
  private Chromium() {}

  /** The browser's binary, or an error saying how to install it. */
  public static String binary() {
    String given = System.getenv("CHROMIUM");
    List<String> candidates = new ArrayList<>();
    if (given != null) {
      candidates.add(given);
    }
    candidates.addAll(List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"));
    for (String c : candidates) {
      if (Files.isExecutable(Path.of(c))) {
        return c;
      }
    }
    throw new IllegalStateException("no Chromium: install Debian's (apt-get install chromium), as .ci/run "
        + "does, or set CHROMIUM to a Chrome or Chromium binary");
  }

  /** The DOM the browser built from the file, serialised. */
  public static String dom(Path page) throws IOException, InterruptedException {
    return run(page, "--dump-dom");
  }

  /** A PNG of the page at the window size (the page is cut there). */
  public static void screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
    Files.createDirectories(png.toAbsolutePath().getParent());
    run(page, "--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height, "--hide-scrollbars");
    if (!Files.isRegularFile(png) || Files.size(png) == 0) {
      throw new IOException("Chromium wrote no screenshot at " + png);
    }
  }

  private static String run(Path page, String... what) throws IOException, InterruptedException {
    // a fresh profile per call (no state between pages), removed afterwards: Chromium fills it
    // with ~170 KB of component folders, and CI runs this dozens of times on the same machine
    Path profile = Files.createTempDirectory("ghlake-chromium");
    try {
      return run(page, profile, what);
    } finally {
      deleteTree(profile);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static String run(Path page, Path profile, String... what) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(binary(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-dev-shm-usage", "--no-first-run", "--user-data-dir=" + profile,
        // offline: no name resolves and every request would go to a closed port
        "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=http://127.0.0.1:9",
        "--virtual-time-budget=2000"));
    cmd.addAll(List.of(what));
    cmd.add(page.toAbsolutePath().toUri().toString());
    Path out = Files.createTempFile("ghlake-chromium", ".out");
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("Chromium did not finish in 120 s: " + cmd);
    }
    String text = Files.readString(out, StandardCharsets.UTF_8);
    Files.delete(out);
    if (p.exitValue() != 0) {
      throw new IOException("Chromium exited " + p.exitValue() + ": " + cmd);
    }
    return text;
  }
}
