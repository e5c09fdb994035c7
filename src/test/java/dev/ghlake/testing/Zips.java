package dev.ghlake.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Unpacks a zip as Lambda does a deployment package: every entry under one folder. */
public final class Zips {
  private Zips() {}

  public static Path unzip(Path zip, Path into) throws IOException {
    try (ZipFile z = new ZipFile(zip.toFile())) {
      for (ZipEntry e : java.util.Collections.list(z.entries())) {
        Path target = into.resolve(e.getName());
        if (e.isDirectory()) {
          Files.createDirectories(target);
          continue;
        }
        Files.createDirectories(target.getParent());
        try (InputStream in = z.getInputStream(e)) {
          Files.copy(in, target);
        }
      }
    }
    return into;
  }
}
