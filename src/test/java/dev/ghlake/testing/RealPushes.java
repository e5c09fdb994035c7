package dev.ghlake.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** Every line of the era fixtures, and every push of the real archive hours (skips without them). */
public final class RealPushes {
  private static final List<String> FIXTURES = List.of("era-2011-events-api.jsonl",
      "era-2013-timeline.jsonl", "era-2014-timeline-nulls.jsonl", "era-2015-events-api.jsonl",
      "era-2025-slim.jsonl");

  private RealPushes() {}

  public static List<String> lines() throws IOException {
    List<String> lines = new ArrayList<>();
    FIXTURES.forEach(f -> lines.addAll(Fixtures.lines(f)));
    try (Stream<Path> hours = Files.list(RealData.hours())) {
      for (Path hour : hours.toList()) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
            new GZIPInputStream(Files.newInputStream(hour)), StandardCharsets.UTF_8))) {
          r.lines().filter(l -> l.contains("\"PushEvent\"")).forEach(lines::add);
        } catch (UncheckedIOException e) {
          throw e.getCause();
        }
      }
    }
    return lines;
  }
}
