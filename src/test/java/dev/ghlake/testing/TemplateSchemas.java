package dev.ghlake.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks a CloudFormation or SAM template's resources against AWS's own resource schemas
 * ({@code ../shared/data/aws-schemas}: the CloudFormation registry's, as cfn-lint packages them,
 * draft-07; AWS SAM's, draft-04), with a real JSON Schema validator.
 *
 * <p>The schemas do not know CloudFormation's intrinsic functions; CloudFormation accepts one
 * wherever a value stands. So every place a value stands in a schema (a property, an array's
 * items, additional and pattern properties) becomes "that, or one intrinsic function". The
 * schemas' definitions and the branches of their choices stay as they are, so an intrinsic
 * matches a choice once, not once per branch.
 */
public final class TemplateSchemas {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String INTRINSIC = "__intrinsic";
  private static final String SAM_PREFIX = "samtranslator__internal__schema_source__aws_serverless_";

  private final Path root;
  private JsonNode sam;

  public TemplateSchemas(Path root) {
    this.root = root;
  }

  /** What one template's check found. */
  public record Result(List<String> errors, List<String> withoutSchema, int checked) {}

  @SuppressWarnings("unchecked")
  public Result check(Map<String, Object> template) throws IOException {
    List<String> errors = new ArrayList<>();
    List<String> withoutSchema = new ArrayList<>();
    int checked = 0;
    Map<String, Object> resources = (Map<String, Object>) template.get("Resources");
    for (Map.Entry<String, Object> r : resources.entrySet()) {
      JsonNode resource = JSON.valueToTree(r.getValue());
      String type = resource.path("Type").asText();
      List<String> found;
      if (type.startsWith("AWS::Serverless::")) {
        found = validate(samSchema(type), resource, SpecVersion.VersionFlag.V4);
      } else {
        Path file = root.resolve("cloudformation").resolve(
            type.toLowerCase(Locale.ROOT).replace("::", "-") + ".json");
        if (!Files.exists(file)) {
          withoutSchema.add(r.getKey() + " (" + type + ")");
          continue;
        }
        JsonNode properties = resource.has("Properties") ? resource.get("Properties") : JSON.createObjectNode();
        found = validate(cfnSchema(file), properties, SpecVersion.VersionFlag.V7);
      }
      checked++;
      found.forEach(e -> errors.add(r.getKey() + " (" + type + "): " + e));
    }
    return new Result(errors, withoutSchema, checked);
  }

  private static List<String> validate(JsonNode schema, JsonNode instance, SpecVersion.VersionFlag version) {
    JsonSchema s = JsonSchemaFactory.getInstance(version).getSchema(schema);
    List<String> out = new ArrayList<>();
    for (ValidationMessage m : s.validate(instance)) {
      out.add(m.getMessage());
    }
    return out;
  }

  private JsonNode cfnSchema(Path file) throws IOException {
    ObjectNode schema = (ObjectNode) JSON.readTree(file.toFile());
    schema.remove("$schema"); // names CloudFormation's meta-schema, which validators do not know
    allowIntrinsics(schema);
    definitions(schema).set(INTRINSIC, intrinsic());
    return schema;
  }

  private JsonNode samSchema(String type) throws IOException {
    if (sam == null) {
      ObjectNode whole = (ObjectNode) JSON.readTree(root.resolve("sam").resolve("sam.schema.json").toFile());
      ObjectNode definitions = (ObjectNode) whole.get("definitions");
      definitions.forEach(TemplateSchemas::allowIntrinsics);
      definitions.set(INTRINSIC, intrinsic());
      sam = definitions;
    }
    String name = SAM_PREFIX + type.substring("AWS::Serverless::".length()).toLowerCase(Locale.ROOT) + "__Resource";
    if (!sam.has(name)) {
      throw new IllegalArgumentException("the SAM schema has no definition of " + type);
    }
    ObjectNode schema = JSON.createObjectNode();
    schema.put("$ref", "#/definitions/" + name);
    schema.set("definitions", sam);
    return schema;
  }

  private static ObjectNode definitions(ObjectNode schema) {
    if (!schema.has("definitions")) {
      schema.putObject("definitions");
    }
    return (ObjectNode) schema.get("definitions");
  }

  /** One intrinsic function: {@code {"Ref": …}}, {@code {"Fn::Sub": …}}, {@code {"Condition": …}}. */
  private static ObjectNode intrinsic() {
    ObjectNode s = JSON.createObjectNode();
    s.put("type", "object");
    s.put("minProperties", 1);
    s.put("maxProperties", 1);
    s.putObject("patternProperties").putObject("^(Ref|Condition|Fn::[A-Za-z]+)$");
    s.put("additionalProperties", false);
    return s;
  }

  /** Rewrites a schema in place so that where a value stands, an intrinsic may stand instead. */
  private static void allowIntrinsics(JsonNode node) {
    if (!(node instanceof ObjectNode schema)) {
      return;
    }
    for (String key : List.of("properties", "patternProperties")) {
      if (schema.get(key) instanceof ObjectNode members) {
        members.fieldNames().forEachRemaining(name -> members.set(name, orIntrinsic(members.get(name))));
      }
    }
    for (String key : List.of("items", "additionalProperties")) {
      JsonNode value = schema.get(key);
      if (value instanceof ObjectNode) {
        schema.set(key, orIntrinsic(value));
      } else if (value instanceof ArrayNode tuple) {
        for (int i = 0; i < tuple.size(); i++) {
          tuple.set(i, orIntrinsic(tuple.get(i)));
        }
      }
    }
    for (String key : List.of("anyOf", "oneOf", "allOf")) {
      if (schema.get(key) instanceof ArrayNode branches) {
        branches.forEach(TemplateSchemas::allowIntrinsics);
      }
    }
    if (schema.get("definitions") instanceof ObjectNode definitions) {
      definitions.forEach(TemplateSchemas::allowIntrinsics);
    }
  }

  private static JsonNode orIntrinsic(JsonNode valueSchema) {
    allowIntrinsics(valueSchema);
    ObjectNode either = JSON.createObjectNode();
    either.putArray("anyOf").add(valueSchema).addObject().put("$ref", "#/definitions/" + INTRINSIC);
    return either;
  }
}
