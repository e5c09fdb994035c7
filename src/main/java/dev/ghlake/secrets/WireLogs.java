package dev.ghlake.secrets;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps HTTP wire logs off, whatever level the rest of the logging is at: at debug level the AWS
 * SDK's HTTP client logs response bodies (secret values) and the JDK's client logs request URIs
 * (a Slack webhook is a secret).
 */
public final class WireLogs {
  /** Strong references: java.util.logging forgets a logger's level when the logger is collected. */
  private static final List<Logger> SILENCED = List.of(
      Logger.getLogger("org.apache.http.wire"),
      Logger.getLogger("org.apache.http.headers"),
      Logger.getLogger("software.amazon.awssdk.thirdparty.org.apache.http.wire"),
      Logger.getLogger("jdk.httpclient.HttpClient"),
      Logger.getLogger("jdk.internal.httpclient.debug"),
      Logger.getLogger("jdk.internal.httpclient.hpack.debug"),
      Logger.getLogger("jdk.internal.net.http"),
      Logger.getLogger("jdk.internal.net.http.HttpClientImpl"));

  private WireLogs() {}

  public static void silence() {
    SILENCED.forEach(l -> l.setLevel(Level.OFF));
  }
}
