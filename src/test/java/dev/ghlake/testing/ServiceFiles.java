package dev.ghlake.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/** Java's service files (META-INF/services): the provider classes they list. */
public final class ServiceFiles {
  /** Beam's list of options registrars: what it validates at the first parse of a run's options. */
  public static final String OPTIONS_REGISTRARS = "META-INF/services/org.apache.beam.sdk.options.PipelineOptionsRegistrar";

  private ServiceFiles() {}

  /** The providers one service file lists: its lines without blanks and # comments. */
  public static Set<String> providers(InputStream in) throws IOException {
    Set<String> out = new TreeSet<>();
    new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(out::add);
    return out;
  }

  /** The options registrars ghlake's own sources list (src/main/resources), under {@code basedir}. */
  public static Set<String> ghlakeOptionsRegistrars(Path basedir) throws IOException {
    try (InputStream in = Files.newInputStream(basedir.resolve("src/main/resources").resolve(OPTIONS_REGISTRARS))) {
      return providers(in);
    }
  }
}
