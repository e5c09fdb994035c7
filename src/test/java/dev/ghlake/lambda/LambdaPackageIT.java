package dev.ghlake.lambda;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import dev.ghlake.testing.ServiceFiles;
import dev.ghlake.testing.Zips;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * What the Lambda zip holds (src/assembly/lambda.xml and lambda-slim.xml): under 150 MB
 * unzipped, the handler loadable from it alone, native codecs for both of Lambda's
 * architectures, and nothing left out that the function needs. LambdaRuntimeIT runs its loads.
 */
public class LambdaPackageIT {
  private static final long LIMIT = 150L * 1000 * 1000;
  private static Path task;

  @BeforeClass
  public static void unpack() throws IOException {
    task = Zips.unzip(Path.of(System.getProperty("ghlake.lambda.zip")),
        Files.createTempDirectory("ghlake-lambda-package"));
  }

  @AfterClass
  public static void remove() throws IOException {
    try (Stream<Path> all = Files.walk(task)) {
      all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Test
  public void theZipIsInAwsLayoutUnder150MbAndTheHandlerLoadsFromItAlone() throws Exception {
    long unzipped = 0;
    try (ZipFile zip = new ZipFile(System.getProperty("ghlake.lambda.zip"))) {
      for (ZipEntry e : java.util.Collections.list(zip.entries())) {
        unzipped += e.getSize();
        assertFalse("no Flink in the Lambda package: " + e.getName(), e.getName().contains("flink"));
      }
    }
    assertTrue("unzipped " + unzipped / 1_000_000 + " MB", unzipped <= LIMIT);
    assertTrue(Files.exists(task.resolve("dev/ghlake/lambda/ScheduledLoadHandler.class")));
    try (URLClassLoader alone = functionLoader(Path.of(System.getProperty("ghlake.lambda.ric")))) {
      Class<?> handler = Class.forName("dev.ghlake.lambda.ScheduledLoadHandler", true, alone);
      Class<?> contract = Class.forName("com.amazonaws.services.lambda.runtime.RequestStreamHandler", false, alone);
      assertTrue(contract.isAssignableFrom(handler));
      // Parquet's codecs reach Hadoop's Configuration, which needs the shaded woodstox at load
      Class.forName("org.apache.hadoop.conf.Configuration", true, alone);
    }
  }

  /**
   * As in the runnable jar, only the options interfaces ghlake's sources list are registered, none
   * of the Beam jars' own: Beam validates each against all the others when an invocation first
   * parses its options.
   */
  @Test
  public void theFunctionRegistersOnlyTheOptionsGhlakeParses() throws Exception {
    Set<String> registered = new TreeSet<>();
    try (URLClassLoader alone = functionLoader()) {
      for (URL list : java.util.Collections.list(alone.getResources(ServiceFiles.OPTIONS_REGISTRARS))) {
        try (InputStream in = list.openStream()) {
          registered.addAll(ServiceFiles.providers(in));
        }
      }
    }
    assertEquals(ServiceFiles.ghlakeOptionsRegistrars(Path.of(System.getProperty("ghlake.basedir", "."))), registered);
  }

  /** A class loader of the unpacked zip alone, as Lambda's: its root, lib/, and the folders given. */
  private static URLClassLoader functionLoader(Path... moreJarFolders) throws IOException {
    List<URL> urls = new ArrayList<>(List.of(task.toUri().toURL()));
    List<Path> folders = new ArrayList<>(List.of(task.resolve("lib")));
    folders.addAll(List.of(moreJarFolders));
    for (Path folder : folders) {
      try (Stream<Path> jars = Files.list(folder)) {
        for (Path jar : jars.toList()) {
          urls.add(jar.toUri().toURL());
        }
      }
    }
    return new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
  }

  /** Lambda runs Linux on x86_64 and arm64: each native codec has both, and no other platform. */
  @Test
  public void nativeCodecsAreThereForLinuxOnX86AndArmOnly() throws IOException {
    Map<String, List<String>> wanted = Map.of(
        "zstd-jni-", List.of("linux/amd64/libzstd-jni", "linux/aarch64/libzstd-jni"),
        "snappy-java-", List.of("org/xerial/snappy/native/Linux/x86_64/", "org/xerial/snappy/native/Linux/aarch64/"),
        "lz4-java-", List.of("net/jpountz/util/linux/amd64/", "net/jpountz/util/linux/aarch64/"));
    for (Map.Entry<String, List<String>> jar : wanted.entrySet()) {
      Set<String> natives = new TreeSet<>();
      try (ZipFile z = new ZipFile(lib(jar.getKey()).toFile())) {
        z.stream().map(ZipEntry::getName).filter(LambdaPackageIT::isNative).forEach(natives::add);
        assertTrue(jar.getKey() + " keeps its classes", z.stream().anyMatch(e -> e.getName().endsWith(".class")));
      }
      for (String arch : jar.getValue()) {
        assertTrue(jar.getKey() + " has " + arch + ": " + natives, natives.stream().anyMatch(n -> n.startsWith(arch)));
      }
      assertEquals(jar.getKey() + ": " + natives, 2, natives.size());
    }
  }

  /**
   * beam-sdks-java-core is left out because beam-runners-direct-java 2.62.0 carries all of it:
   * every entry, byte for byte, and every service the core registers.
   */
  @Test
  public void theDirectRunnerJarHoldsAllOfTheCoreJarLeftOut() throws IOException {
    Path core = Path.of(System.getProperty("ghlake.beam.core.jar"));
    try (Stream<Path> jars = Files.list(task.resolve("lib"))) {
      assertFalse(jars.anyMatch(p -> p.getFileName().toString().startsWith("beam-sdks-java-core-")));
    }
    try (ZipFile left = new ZipFile(core.toFile()); ZipFile direct = new ZipFile(lib("beam-runners-direct-java-").toFile())) {
      Map<String, Long> crcs = new HashMap<>();
      direct.stream().forEach(e -> crcs.put(e.getName(), e.getCrc()));
      int classes = 0;
      for (ZipEntry e : java.util.Collections.list(left.entries())) {
        if (e.getName().equals(ServiceFiles.OPTIONS_REGISTRARS)) {
          continue; // left out on purpose: see theFunctionRegistersOnlyTheOptionsGhlakeParses
        } else if (e.getName().startsWith("META-INF/services/")) {
          assertTrue(e.getName(), services(direct, e.getName()).containsAll(services(left, e.getName())));
        } else if (!e.isDirectory() && !e.getName().equals("META-INF/MANIFEST.MF")) {
          assertEquals(e.getName(), (Long) e.getCrc(), crcs.get(e.getName()));
          classes += e.getName().endsWith(".class") ? 1 : 0;
        }
      }
      assertTrue(classes + " classes", classes > 3_000);
    }
  }

  private static Set<String> services(ZipFile jar, String name) throws IOException {
    ZipEntry e = jar.getEntry(name);
    assertTrue(jar.getName() + " registers " + name, e != null);
    try (InputStream in = jar.getInputStream(e)) {
      return ServiceFiles.providers(in);
    }
  }

  private static boolean isNative(String name) {
    return name.endsWith(".so") || name.endsWith(".dll") || name.endsWith(".dylib") || name.endsWith(".jnilib");
  }

  private static Path lib(String prefix) throws IOException {
    try (Stream<Path> jars = Files.list(task.resolve("lib"))) {
      return jars.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst()
          .orElseThrow(() -> new AssertionError("no lib/" + prefix + "*.jar in the zip"));
    }
  }
}
