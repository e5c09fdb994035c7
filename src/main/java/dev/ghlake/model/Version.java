package dev.ghlake.model;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * ghlake's version: from the jar's manifest, else from the build's resource (the Lambda package
 * has classes, no manifest), else {@code dev}.
 */
public final class Version {
  private Version() {}

  public static String of() {
    String v = Version.class.getPackage().getImplementationVersion();
    return v != null ? v : fromResource();
  }

  private static String fromResource() {
    try (InputStream in = Version.class.getResourceAsStream("/ghlake-version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      String v = p.getProperty("version", "dev");
      return v.startsWith("${") ? "dev" : v;
    } catch (IOException e) {
      return "dev";
    }
  }
}
