package dev.ghlake.testing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Assert;

/** The IAM statements of a template read by {@link CloudFormationYaml}, and what they name. */
@SuppressWarnings("unchecked")
public final class IamStatements {
  private static final Pattern SUB_REF = Pattern.compile("\\$\\{([A-Za-z0-9]+)(\\.[A-Za-z]+)?}");

  private IamStatements() {}

  /**
   * Checks every statement (each branch of an {@code !If}): its Resource is never everything and
   * names at least one parameter or resource, which {@code check} then judges with the statement.
   * Returns how many statements were checked.
   */
  public static int checkScoped(List<Object> statements, BiConsumer<Map<String, Object>, Set<String>> check) {
    int checked = 0;
    for (Object s : statements) {
      for (Map<String, Object> statement : branches(s)) {
        Object resource = statement.get("Resource");
        String text = resource.toString();
        Assert.assertFalse("no statement on every resource: " + statement, text.equals("*") || text.contains(":::*"));
        Set<String> refs = references(resource);
        Assert.assertFalse("scoped by parameters: " + statement, refs.isEmpty());
        check.accept(statement, refs);
        checked++;
      }
    }
    return checked;
  }

  /** A statement, or both branches of an {@code !If} around one (AWS::NoValue left out). */
  public static List<Map<String, Object>> branches(Object s) {
    Map<String, Object> m = (Map<String, Object>) s;
    if (!m.containsKey("Fn::If")) {
      return List.of(m);
    }
    List<Object> args = (List<Object>) m.get("Fn::If");
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object branch : args.subList(1, 3)) {
      if (branch instanceof Map<?, ?> b && !b.containsKey("Ref")) {
        out.add((Map<String, Object>) b);
      }
    }
    return out;
  }

  /** Names an expression refers to: {@code !Ref X}, {@code ${X}} in a {@code !Sub}, {@code !GetAtt X.Arn}. */
  public static Set<String> references(Object expression) {
    Set<String> out = new HashSet<>();
    if (expression instanceof Map<?, ?> m) {
      m.forEach((k, v) -> {
        if (k.equals("Ref")) {
          out.add((String) v);
        } else if (k.equals("Fn::Sub")) {
          Matcher ref = SUB_REF.matcher(v instanceof List<?> l ? l.get(0).toString() : v.toString());
          while (ref.find()) {
            out.add(ref.group(1));
          }
        } else if (k.equals("Fn::GetAtt")) {
          out.add(((List<String>) v).get(0));
        } else {
          out.addAll(references(v));
        }
      });
    } else if (expression instanceof List<?> l) {
      l.forEach(x -> out.addAll(references(x)));
    }
    return out;
  }
}
