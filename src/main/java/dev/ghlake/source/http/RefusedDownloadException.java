package dev.ghlake.source.http;

import java.io.IOException;

/**
 * A download that retrying will not fix: a 4xx other than 404 and 429, or a server whose TLS
 * certificate the JVM does not trust.
 */
public final class RefusedDownloadException extends IOException {
  private RefusedDownloadException(String message, Throwable cause) {
    super(message, cause);
  }

  static RefusedDownloadException status(String url, int status) {
    return new RefusedDownloadException("GET " + url + " answered HTTP " + status, null);
  }

  static RefusedDownloadException untrusted(String url, Exception cause) {
    return new RefusedDownloadException("GET " + url + ": the server's TLS certificate is not trusted ("
        + cause.getMessage() + "); give the JVM a trust store that knows its issuer "
        + "(-Djavax.net.ssl.trustStore=…)", null); // its text is here: reports name the innermost cause
  }
}
