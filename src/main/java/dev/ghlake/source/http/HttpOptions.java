package dev.ghlake.source.http;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** How archive hours are downloaded when --input is an http(s):// URL. */
public interface HttpOptions extends PipelineOptions {
  @Description("Seconds to wait for a connection, for response headers, and for the next bytes "
      + "of a body before the download is resumed")
  @Default.Integer(60)
  int getHttpTimeoutSeconds();

  void setHttpTimeoutSeconds(int value);

  @Description("Attempts per archive file after a 5xx, 429, timeout or broken connection, "
      + "with exponential backoff; then the file is reported unreadable")
  @Default.Integer(6)
  int getHttpAttempts();

  void setHttpAttempts(int value);

  @Description("Downloads at once per worker JVM")
  @Default.Integer(4)
  int getHttpConcurrency();

  void setHttpConcurrency(int value);
}
