package dev.ghlake.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.util.common.ReflectHelpers;

/**
 * The options a run was given, as JSON for manifests and summaries, with every value whose name
 * says it may hold a secret replaced by {@code ***}.
 */
public final class OptionsRecord {
  public static final String REDACTED = "***";
  private static final Pattern SECRET = Pattern.compile(
      "(?i).*(secret|password|token|credential|webhook|key|auth).*");
  private static final ObjectMapper JSON = new ObjectMapper()
      .registerModules(ObjectMapper.findModules(ReflectHelpers.findClassLoader()));

  private OptionsRecord() {}

  /** Every option given, by name, secrets included: for decisions, never for records. */
  static JsonNode tree(PipelineOptions options) {
    try {
      return JSON.readTree(JSON.writeValueAsString(options)).path("options");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String json(PipelineOptions options) {
    try {
      JsonNode all = tree(options);
      ObjectNode out = JSON.createObjectNode();
      List<String> names = new ArrayList<>();
      all.fieldNames().forEachRemaining(names::add);
      names.sort(null);
      for (String name : names) {
        out.set(name, SECRET.matcher(name).matches() ? JSON.getNodeFactory().textNode(REDACTED)
            : all.get(name));
      }
      return JSON.writeValueAsString(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
