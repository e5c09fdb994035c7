package dev.ghlake.cli;

import java.beans.Introspector;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Every option a command line may name: the properties of every registered options interface
 * (ghlake's, Beam's, the runners'). An option that is none of them is refused in ghlake's words,
 * with the nearest name, before Beam reports it in its own.
 */
final class OptionNames {
  private OptionNames() {}

  /** Throws {@link IllegalArgumentException} for the first option nobody defines. */
  static void check(String[] args) {
    Set<String> known = known();
    for (String a : args) {
      if (!a.startsWith("--") || a.equals("--")) {
        continue;
      }
      String name = a.substring(2, a.contains("=") ? a.indexOf('=') : a.length());
      if (!known.contains(name) && !name.equals("help")) {
        String near = nearest(name, known);
        throw new IllegalArgumentException("unknown option --" + name
            + (near == null ? "" : ": did you mean --" + near + "?") + " (ghlake help lists every option)");
      }
    }
  }

  static Set<String> known() {
    Set<String> names = new TreeSet<>();
    for (Class<? extends PipelineOptions> type : PipelineOptionsFactory.getRegisteredOptions()) {
      for (Method m : type.getMethods()) {
        String n = m.getName();
        if (m.getParameterCount() == 0 && (n.startsWith("get") && n.length() > 3 || n.startsWith("is") && n.length() > 2)) {
          names.add(Introspector.decapitalize(n.substring(n.startsWith("get") ? 3 : 2)));
        }
      }
    }
    return names;
  }

  /** The known name fewest edits away, if it is close enough to be what was meant. */
  static String nearest(String name, Set<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : known) {
      int d = LevenshteinDistance.getDefaultInstance().apply(name.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
    return bestDistance <= Math.max(2, name.length() / 3) ? best : null;
  }
}
