package dev.ghlake.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a CloudFormation or SAM template, short intrinsic tags included: {@code !Ref X} becomes
 * {@code {Ref: X}}, {@code !Sub s} {@code {Fn::Sub: s}}, {@code !GetAtt A.B} {@code
 * {Fn::GetAtt: [A, B]}}, and so on, as CloudFormation itself reads them.
 */
public final class CloudFormationYaml {
  private static final List<String> FUNCTIONS = List.of("Sub", "GetAtt", "If", "Not", "Equals",
      "And", "Or", "Join", "Select", "Split", "FindInMap", "Base64", "Cidr", "GetAZs", "ImportValue");

  private CloudFormationYaml() {}

  @SuppressWarnings("unchecked")
  public static Map<String, Object> read(Path template) throws IOException {
    return (Map<String, Object>) new Yaml(new Intrinsics()).load(Files.readString(template));
  }

  /** The {@code Environment.Variables} of a resource's {@code Properties} (a function's). */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> environmentVariables(Map<String, Object> template, String resource) {
    Map<String, Object> r = (Map<String, Object>) ((Map<String, Object>) template.get("Resources")).get(resource);
    Map<String, Object> environment = (Map<String, Object>) ((Map<String, Object>) r.get("Properties")).get("Environment");
    return (Map<String, Object>) environment.get("Variables");
  }

  private static final class Intrinsics extends SafeConstructor {
    Intrinsics() {
      super(new LoaderOptions());
      yamlConstructors.put(new Tag("!Ref"), new Intrinsic("Ref"));
      yamlConstructors.put(new Tag("!Condition"), new Intrinsic("Condition"));
      FUNCTIONS.forEach(f -> yamlConstructors.put(new Tag("!" + f), new Intrinsic("Fn::" + f)));
    }

    private final class Intrinsic extends AbstractConstruct {
      private final String key;

      Intrinsic(String key) {
        this.key = key;
      }

      @Override
      public Object construct(Node node) {
        Object value;
        if (node instanceof ScalarNode scalar) {
          value = key.equals("Fn::GetAtt") ? List.of(scalar.getValue().split("\\.", 2)) : scalar.getValue();
        } else if (node instanceof SequenceNode seq) {
          List<Object> items = new ArrayList<>();
          seq.getValue().forEach(n -> items.add(constructObject(n)));
          value = items;
        } else {
          value = constructMapping((MappingNode) node);
        }
        return Map.of(key, value);
      }
    }
  }
}
