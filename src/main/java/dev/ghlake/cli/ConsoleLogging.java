package dev.ghlake.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.logging.LogManager;

/** Quiet, readable console logs for command-line runs, unless the user configured JUL already. */
public final class ConsoleLogging {
  private ConsoleLogging() {}

  public static void configure() {
    if (System.getProperty("java.util.logging.config.file") != null) {
      return;
    }
    try (InputStream config = ConsoleLogging.class.getResourceAsStream("/ghlake-logging.properties")) {
      if (config != null) {
        LogManager.getLogManager().readConfiguration(config);
      }
    } catch (IOException e) {
      System.err.println("ghlake: default logging setup failed, using the JVM's: " + e);
    }
  }
}
