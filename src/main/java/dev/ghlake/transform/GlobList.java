package dev.ghlake.transform;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Comma-separated globs ({@code *} any run, {@code ?} one character), matched case-insensitively,
 * as GitHub treats owner and repository names. Checked when given (a glob that can match no
 * repository or org is a typo, refused with the option's name) and compiled once, never per event.
 */
final class GlobList implements Serializable {
  /** Characters of GitHub owner and repository names, plus the glob's own. */
  private static final Pattern NAME_CHARS = Pattern.compile("[A-Za-z0-9._\\-*?]+");

  private final List<Pattern> patterns = new ArrayList<>();

  private GlobList(List<String> globs) {
    for (String glob : globs) {
      patterns.add(Pattern.compile(toRegex(glob), Pattern.CASE_INSENSITIVE));
    }
  }

  /** Globs on {@code owner/name}. */
  static GlobList repos(String option, List<String> globs) {
    List<String> checked = clean(globs);
    for (String g : checked) {
      String[] parts = g.split("/", -1);
      boolean shaped = parts.length == 2 ? isName(parts[0]) && isName(parts[1])
          : parts.length == 1 && isName(g) && g.contains("*");
      if (!shaped) {
        throw new IllegalArgumentException("--" + option + "=" + g + " can match no repository: "
            + "give globs on owner/name, such as apache/beam, apache/* or */beam ("
            + "letters, digits, '.', '-', '_', with * and ? as wildcards)");
      }
    }
    return new GlobList(checked);
  }

  /** Globs on an org (or owner) login. */
  static GlobList orgs(String option, List<String> globs) {
    List<String> checked = clean(globs);
    for (String g : checked) {
      if (!isName(g)) {
        throw new IllegalArgumentException("--" + option + "=" + g + " can match no org: give "
            + "globs on an org login, such as apache or kube*"
            + (g.contains("/") ? " (owner/name globs are for --repos)" : ""));
      }
    }
    return new GlobList(checked);
  }

  boolean isEmpty() {
    return patterns.isEmpty();
  }

  boolean matches(String value) {
    if (value == null) {
      return false;
    }
    for (Pattern p : patterns) {
      if (p.matcher(value).matches()) {
        return true;
      }
    }
    return false;
  }

  private static boolean isName(String part) {
    return NAME_CHARS.matcher(part).matches();
  }

  private static List<String> clean(List<String> globs) {
    List<String> out = new ArrayList<>();
    if (globs != null) {
      globs.stream().filter(g -> !g.isBlank()).map(String::strip).forEach(out::add);
    }
    return out;
  }

  private static String toRegex(String glob) {
    StringBuilder re = new StringBuilder();
    for (char c : glob.toCharArray()) {
      switch (c) {
        case '*' -> re.append(".*");
        case '?' -> re.append('.');
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return re.toString();
  }
}
