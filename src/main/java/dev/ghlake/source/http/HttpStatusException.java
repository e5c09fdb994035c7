package dev.ghlake.source.http;

import java.io.IOException;

/** A response that retrying will not change (a 4xx other than 404 and 429). */
public final class HttpStatusException extends IOException {
  HttpStatusException(String url, int status) {
    super("GET " + url + " answered HTTP " + status);
  }
}
