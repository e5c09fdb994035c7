package dev.ghlake;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * scripts/ghlake records the classes a run loads into a class-data-sharing archive after each
 * build, and its runs load their classes from it (1–2 s less start-up); a rebuilt jar gets a
 * new archive, since the JVM would ignore the old one.
 */
public class LauncherClassArchiveIT {
  private static final Path BASE = Path.of(System.getProperty("ghlake.basedir", "."));
  private static final Path BUILT = Path.of(System.getProperty("ghlake.jar", "target/ghlake-0.1.0-SNAPSHOT-bundled.jar"));
  private static final String FROM_ARCHIVE = "source: shared objects file (top)";
  /**
   * A build tree of its own (the launcher, the pom, the sources, a copy of the jar): this test
   * removes the archive and makes the jar newer, which must not race other tests that run
   * scripts/ghlake of the checkout at the same time (FlinkClusterIT).
   */
  @ClassRule public static final TemporaryFolder TREE = TemporaryFolder.builder()
      .parentFolder(BASE.resolve("target").toFile()).build();
  private static Path root;
  private static Path jar;
  private static Path archive;

  @BeforeClass
  public static void copyTheBuild() throws Exception {
    root = TREE.getRoot().toPath();
    Files.createDirectories(root.resolve("scripts"));
    Files.createDirectories(root.resolve("src"));
    Files.copy(BASE.resolve("scripts/ghlake"), root.resolve("scripts/ghlake"), StandardCopyOption.COPY_ATTRIBUTES);
    Files.copy(BASE.resolve("pom.xml"), root.resolve("pom.xml"));
    Files.createSymbolicLink(root.resolve("src/main"), BASE.resolve("src/main").toAbsolutePath());
    assertTrue("the runnable jar is built by `package`: " + BUILT, Files.isRegularFile(BUILT));
    jar = Files.copy(BUILT, Files.createDirectories(root.resolve("target")).resolve(BUILT.getFileName()));
    archive = jar.resolveSibling("ghlake-classes.jsa");
  }

  @Test(timeout = 600_000)
  public void runsLoadTheirClassesFromTheArchiveRecordedAfterTheBuild() throws Exception {
    Files.deleteIfExists(archive);
    Files.deleteIfExists(archive.resolveSibling(archive.getFileName() + ".jvm"));

    String built = launcher(Map.of(), "build");
    assertTrue("the build recorded an archive: " + built, Files.isRegularFile(archive));
    assertTrue(built, built.contains("recording the classes a run loads"));

    String help = launcher(Map.of("JAVA_OPTS", "-Xlog:class+load"), "help", "options"); // a JVM run (help alone is the usage text)
    long shared = help.lines().filter(l -> l.contains(FROM_ARCHIVE)).count();
    assertTrue("classes from the archive: " + shared, shared > 1000);
    assertTrue("ghlake's own classes are in it",
        help.contains("dev.ghlake.GhLake " + FROM_ARCHIVE));
    assertTrue("and the run itself worked: " + help.lines().limit(3).toList(), help.contains("--output="));

    FileTime recorded = Files.getLastModifiedTime(archive);
    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(2)));
    String again = launcher(Map.of(), "build");
    assertTrue(again, again.contains("recording the classes a run loads"));
    assertNotEquals("a jar newer than the archive gets a new one", recorded, Files.getLastModifiedTime(archive));
    String once = launcher(Map.of(), "build");
    assertFalse("and only once: " + once, once.contains("recording the classes"));
  }

  /**
   * On Java 25 and later the launcher records an ahead-of-time cache instead (JEP 483/514/515),
   * and runs map it. Needs a JDK 25 or later: {@code -Dghlake.java25=/path/bin/java}, or one
   * under /usr/lib/jvm; skipped without.
   */
  @Test(timeout = 600_000)
  public void onJava25RunsLoadTheirClassesFromAnAheadOfTimeCache() throws Exception {
    String java25 = java25();
    assumeTrue("no JDK 25 or later here", java25 != null);
    Path aot = jar.resolveSibling("ghlake-classes.aot");
    Path stamp = archive.resolveSibling(archive.getFileName() + ".jvm");
    try {
      Files.deleteIfExists(stamp);
      String built = launcher(Map.of("JAVA", java25), "build");
      assertTrue(built, built.contains("recording the classes a run loads"));
      assertTrue("an ahead-of-time cache: " + built, Files.isRegularFile(aot));
      assertFalse("and no archive of the other kind", Files.exists(archive));
      String help = launcher(Map.of("JAVA", java25, "JAVA_OPTS", "-Xlog:class+load"), "help", "options");
      long cached = help.lines().filter(l -> l.contains("dev.ghlake.") && l.contains("source: shared objects file")).count();
      assertTrue("ghlake's classes from the cache: " + cached, cached > 100);
      assertTrue(help.lines().limit(3).toList().toString(), help.contains("--output="));
    } finally { // the next run on this JVM's Java records its own archive again
      Files.deleteIfExists(aot);
      Files.deleteIfExists(stamp);
    }
  }

  private static String java25() throws Exception {
    String given = System.getProperty("ghlake.java25");
    if (given != null) {
      return given;
    }
    Path jvms = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvms)) {
      return null;
    }
    try (var dirs = Files.list(jvms)) {
      for (Path home : dirs.sorted().toList()) {
        Path release = home.resolve("release");
        Path java = home.resolve("bin/java");
        if (Files.isRegularFile(release) && Files.isExecutable(java)) {
          String version = Files.readAllLines(release).stream().filter(l -> l.startsWith("JAVA_VERSION="))
              .findFirst().orElse("").replaceAll("[^0-9.]", "");
          if (!version.isEmpty() && Integer.parseInt(version.split("\\.")[0]) >= 25) {
            return java.toString();
          }
        }
      }
    }
    return null;
  }

  /** Runs scripts/ghlake with the given environment and arguments; its output, after exit 0. */
  private static String launcher(Map<String, String> env, String... args) throws Exception {
    Path out = Files.createTempFile("ghlake-launcher", ".txt");
    try {
      ProcessBuilder pb = new ProcessBuilder(command(args)).directory(root.toFile())
          .redirectErrorStream(true).redirectOutput(out.toFile());
      pb.environment().remove("JAVA_OPTS");
      pb.environment().putAll(env);
      Process p = pb.start();
      assertTrue("scripts/ghlake " + String.join(" ", args) + " finished", p.waitFor(240, TimeUnit.SECONDS));
      String text = Files.readString(out);
      assertEquals(text, 0, p.exitValue());
      return text;
    } finally {
      Files.deleteIfExists(out);
    }
  }

  private static List<String> command(String... args) {
    List<String> command = new ArrayList<>(List.of(root.resolve("scripts/ghlake").toString()));
    command.addAll(List.of(args));
    return command;
  }
}
