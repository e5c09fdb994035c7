package dev.ghlake.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Writes crafted archive files: gzip of raw byte lines, exactly as given. */
public final class ArchiveFiles {
  private ArchiveFiles() {}

  public static byte[] gzip(List<byte[]> lines) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      for (byte[] line : lines) {
        gz.write(line);
        gz.write('\n');
      }
    }
    return bytes.toByteArray();
  }

  public static Path write(Path dir, String name, byte[] content) throws IOException {
    return Files.write(dir.resolve(name), content);
  }
}
