package dev.ghlake.testing;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Two local lakes compared as bytes: the same Parquet files, byte for byte (named alike but for
 * the runs that wrote them), and manifests listing the same rows, counts and status. Whole files,
 * footers included, also when the lakes were written by different JVMs (a forked run, a Flink
 * cluster).
 */
public final class LakeBytes {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern RUN_ID = Pattern.compile("-\\d{8}T\\d{6}Z-[0-9a-f]{4}");

  private LakeBytes() {}

  public static void assertSameLake(String a, String b) throws Exception {
    Map<String, byte[]> left = dataFiles(a);
    Map<String, byte[]> right = dataFiles(b);
    assertTrue(a + " holds data", !left.isEmpty());
    assertEquals(left.keySet(), right.keySet());
    left.forEach((name, bytes) -> assertSameParquet(name, bytes, right.get(name)));
    for (String partition : left.keySet().stream().map(n -> n.substring(0, n.lastIndexOf('/'))).distinct().toList()) {
      JsonNode ma = JSON.readTree(Path.of(a, "events", partition, "_manifest.json").toFile());
      JsonNode mb = JSON.readTree(Path.of(b, "events", partition, "_manifest.json").toFile());
      assertEquals(partition, ma.get("counts"), mb.get("counts"));
      assertEquals(partition, ma.get("files").findValues("rows"), mb.get("files").findValues("rows"));
      assertEquals(partition, ma.get("status"), mb.get("status"));
    }
  }

  private static void assertSameParquet(String name, byte[] a, byte[] b) {
    assertEquals(name + " has the same length", a.length, b.length);
    int data = a.length - 8 - footerLength(a);
    assertEquals(name + "'s footer has the same length", data, b.length - 8 - footerLength(b));
    assertTrue(name + "'s pages are byte-identical", Arrays.equals(a, 0, data, b, 0, data));
    assertTrue(name + "'s footer is byte-identical", Arrays.equals(a, b));
  }

  /** Parquet ends with the footer's length (4 bytes, little-endian) and "PAR1". */
  private static int footerLength(byte[] file) {
    int at = file.length - 8;
    return (file[at] & 0xff) | (file[at + 1] & 0xff) << 8 | (file[at + 2] & 0xff) << 16 | (file[at + 3] & 0xff) << 24;
  }

  /** partition/part file name without the run id → bytes. */
  public static Map<String, byte[]> dataFiles(String lake) throws Exception {
    Map<String, byte[]> out = new TreeMap<>();
    Path events = Path.of(lake, "events");
    try (Stream<Path> files = Files.walk(events)) {
      for (Path f : files.filter(x -> x.toString().endsWith(".parquet")).toList()) {
        out.put(RUN_ID.matcher(events.relativize(f).toString()).replaceAll(""), Files.readAllBytes(f));
      }
    }
    return out;
  }
}
