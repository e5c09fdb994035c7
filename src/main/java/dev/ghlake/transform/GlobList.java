package dev.ghlake.transform;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Comma-separated globs ({@code *} any run, {@code ?} one character), matched case-insensitively,
 * as GitHub treats owner and repository names. Compiled once, never per event.
 */
final class GlobList implements Serializable {
  private final List<Pattern> patterns = new ArrayList<>();

  GlobList(List<String> globs) {
    if (globs != null) {
      for (String glob : globs) {
        if (!glob.isBlank()) {
          patterns.add(Pattern.compile(toRegex(glob.strip()), Pattern.CASE_INSENSITIVE));
        }
      }
    }
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
