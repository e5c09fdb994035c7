package dev.ghlake.source.bigquery;

import java.util.List;
import java.util.stream.Collectors;

/** BigQuery standard-SQL literals, quoted so that no option value can change the query. */
final class SqlText {
  private SqlText() {}

  static String string(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  static String list(List<String> values) {
    return values.stream().map(SqlText::string).collect(Collectors.joining(", "));
  }

  /** A glob ({@code *}, {@code ?}) as a LIKE pattern, lower-cased, LIKE's own characters escaped. */
  static String like(String glob) {
    StringBuilder out = new StringBuilder();
    for (char c : glob.toLowerCase().toCharArray()) {
      switch (c) {
        case '*' -> out.append('%');
        case '?' -> out.append('_');
        case '%', '_', '\\' -> out.append('\\').append(c);
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
