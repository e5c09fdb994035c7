package dev.ghlake.sink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ghlake.model.LakePaths;
import dev.ghlake.model.Rejected;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.Compression;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Writes dead letters as gzipped JSON lines under {@code <output>/_rejected/run=<run>/}, one
 * object each: {@code source}, {@code line}, {@code reason}, {@code error}, {@code raw} (cut at
 * 64 KiB). Nothing is written when nothing was rejected.
 */
public class WriteRejected extends PTransform<PCollection<Rejected>, PDone> {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final LakePaths lake;
  private final String runId;

  private WriteRejected(LakePaths lake, String runId) {
    this.lake = lake;
    this.runId = runId;
  }

  public static WriteRejected to(LakePaths lake, String runId) {
    return new WriteRejected(lake, runId);
  }

  @Override
  public PDone expand(PCollection<Rejected> rejected) {
    rejected
        .apply("ToJson", MapElements.into(TypeDescriptors.strings()).via(WriteRejected::toJson))
        .setCoder(StringUtf8Coder.of())
        .apply("WriteJsonLines", FileIO.<String>write()
            .via(TextIO.sink())
            .to(lake.rejected(runId))
            .withPrefix("rejected")
            .withSuffix(".json") // FileIO adds ".gz"
            .withCompression(Compression.GZIP));
    return PDone.in(rejected.getPipeline());
  }

  static String toJson(Rejected r) {
    ObjectNode o = JSON.createObjectNode()
        .put("source", r.source())
        .put("line", r.lineNumber())
        .put("reason", r.reason().label())
        .put("error", r.error())
        .put("raw", r.raw());
    try {
      return JSON.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }
}
