package dev.ghlake.cli;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.Hidden;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * docs/options.md, generated from the options interfaces themselves: every ghlake option of each
 * command, grouped by the interface (the concern) that declares it, with its type, default and
 * description. Beam's own options (runner, AWS region, GCP project) are left to Beam's docs.
 * {@code OptionsReferenceTest} fails when the page and the code disagree.
 */
public final class OptionsReference {
  private static final String OWN_PACKAGE = "dev.ghlake.";

  private OptionsReference() {}

  /** The page: one section per command (title → its options interface), in the given order. */
  public static String markdown(Map<String, Class<? extends PipelineOptions>> commands) {
    StringBuilder out = new StringBuilder("# Options reference\n\n")
        .append("Generated from the code by `OptionsReferenceTest` (it fails when this page is out of date;\n")
        .append("`mvn -o -q test -Dtest=OptionsReferenceTest -Dghlake.writeDocs=true` rewrites it). Options\n")
        .append("are given as `--name=value`; lists comma-separated. Beam's own options (`--runner`,\n")
        .append("`--awsRegion`, `--project`, …) are accepted too and documented by Beam.\n");
    commands.forEach((title, options) -> {
      out.append("\n## ").append(title).append("\n");
      for (Class<?> concern : concerns(options)) {
        out.append("\n### ").append(concern.getSimpleName().replace("Options", "")).append("\n\n")
            .append("| option | type | default | what it does |\n|---|---|---|---|\n");
        getters(concern).forEach(g -> out.append(row(g)));
      }
    });
    return out.toString();
  }

  /** ghlake's interfaces an options interface is made of, itself included, in declaration order. */
  private static List<Class<?>> concerns(Class<?> options) {
    Set<Class<?>> out = new LinkedHashSet<>();
    collect(options, out);
    return out.stream().filter(c -> !getters(c).isEmpty()).toList();
  }

  private static void collect(Class<?> type, Set<Class<?>> out) {
    if (!type.getName().startsWith(OWN_PACKAGE)) {
      return;
    }
    out.add(type);
    Arrays.stream(type.getInterfaces()).forEach(i -> collect(i, out));
  }

  private static List<Method> getters(Class<?> type) {
    return Arrays.stream(type.getDeclaredMethods())
        .filter(m -> m.getParameterCount() == 0 && m.isAnnotationPresent(Description.class))
        .filter(m -> !m.isAnnotationPresent(Hidden.class))
        .sorted((a, b) -> name(a).compareTo(name(b))).toList();
  }

  private static String row(Method getter) {
    return "| `--" + name(getter) + "` | " + type(getter) + " | " + defaultOf(getter) + " | "
        + getter.getAnnotation(Description.class).value().replace("|", "\\|") + " |\n";
  }

  private static String name(Method getter) {
    String n = getter.getName().replaceFirst("^(get|is)", "");
    return Character.toLowerCase(n.charAt(0)) + n.substring(1);
  }

  private static String type(Method getter) {
    Class<?> t = getter.getReturnType();
    if (t.isEnum()) {
      return Arrays.stream(t.getEnumConstants()).map(Object::toString).collect(Collectors.joining(" \\| "));
    }
    if (getter.getGenericReturnType() instanceof ParameterizedType p) {
      return "list of " + ((Class<?>) p.getActualTypeArguments()[0]).getSimpleName().toLowerCase();
    }
    return t.getSimpleName().toLowerCase().replace("integer", "int");
  }

  private static String defaultOf(Method getter) {
    for (Annotation a : getter.getAnnotations()) {
      String value = defaultValue(a);
      if (value != null) {
        return "`" + value + "`";
      }
    }
    return "—";
  }

  private static String defaultValue(Annotation a) {
    if (a instanceof Default.String d) {
      return d.value().isEmpty() ? "(empty)" : d.value();
    } else if (a instanceof Default.Integer d) {
      return String.valueOf(d.value());
    } else if (a instanceof Default.Long d) {
      return String.valueOf(d.value());
    } else if (a instanceof Default.Double d) {
      return String.valueOf(d.value());
    } else if (a instanceof Default.Boolean d) {
      return String.valueOf(d.value());
    } else if (a instanceof Default.Enum d) {
      return d.value();
    }
    return a instanceof Default.InstanceFactory ? "(computed)" : null;
  }
}
