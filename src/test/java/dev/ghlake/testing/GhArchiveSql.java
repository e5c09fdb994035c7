package dev.ghlake.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs ghlake's GoogleSQL on GH Archive's real rows with DuckDB, so the query's filters are
 * evaluated by a real SQL engine, not matched against expected text. The two dialects differ in
 * three places this bridges: the wildcard table ({@code `ds.*`} with {@code _TABLE_SUFFIX}) becomes
 * a view with that column; string literals use backslash escapes in GoogleSQL and doubled quotes
 * in DuckDB; GoogleSQL's LIKE escapes with a backslash, DuckDB's only with an ESCAPE clause.
 */
final class GhArchiveSql {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern WILDCARD = Pattern.compile("`([\\w.-]+)\\.\\*`");
  private static final String PERSON = "STRUCT(id BIGINT, login VARCHAR, gravatar_id VARCHAR, "
      + "avatar_url VARCHAR, url VARCHAR)";
  private static final String COLUMNS = "{type: 'VARCHAR', public: 'BOOLEAN', payload: 'VARCHAR', "
      + "repo: 'STRUCT(id BIGINT, name VARCHAR, url VARCHAR)', actor: '" + PERSON + "', org: '"
      + PERSON + "', created_at: 'TIMESTAMPTZ', id: 'VARCHAR', other: 'VARCHAR'}";

  private GhArchiveSql() {}

  /** The query's result rows as JSON objects, columns in SELECT order; TIMESTAMPs as "… +00". */
  static List<ObjectNode> run(String googleSql, Map<String, Path> tables) throws Exception {
    Matcher from = WILDCARD.matcher(googleSql);
    if (!from.find()) {
      throw new IllegalArgumentException("not a wildcard-table query: " + googleSql);
    }
    String dataset = from.group(1);
    String sql = "SELECT to_json(q) FROM (" + duckDbLiterals(from.replaceFirst("gha")) + ") q";
    List<ObjectNode> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      s.execute("SET TimeZone = 'UTC'");
      s.execute("CREATE VIEW gha AS " + view(dataset, tables));
      try (ResultSet rs = s.executeQuery(sql)) {
        while (rs.next()) {
          rows.add((ObjectNode) JSON.readTree(rs.getString(1)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalArgumentException("DuckDB refused the query as translated: " + sql, e);
    }
    return rows;
  }

  /** The union of the dataset's loaded tables ("dataset.suffix" → rows file), with their suffix. */
  private static String view(String dataset, Map<String, Path> tables) {
    List<String> parts = new ArrayList<>();
    tables.forEach((table, rows) -> {
      if (table.startsWith(dataset + ".")) {
        parts.add("SELECT *, '" + table.substring(dataset.length() + 1) + "' AS _TABLE_SUFFIX "
            + "FROM read_json('" + rows + "', format = 'newline_delimited', columns = " + COLUMNS + ")");
      }
    });
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("no table of " + dataset + " is loaded");
    }
    return String.join(" UNION ALL ", parts);
  }

  /** GoogleSQL string literals as DuckDB's; each LIKE given GoogleSQL's backslash escape. */
  static String duckDbLiterals(String sql) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (c != '\'') {
        out.append(c);
        continue;
      }
      StringBuilder literal = new StringBuilder();
      for (i++; sql.charAt(i) != '\''; i++) {
        char d = sql.charAt(i);
        if (d == '\\') {
          d = sql.charAt(++i);
        }
        literal.append(d == '\'' ? "''" : String.valueOf(d));
      }
      out.append('\'').append(literal).append('\'');
      if (out.toString().matches("(?s).*LIKE '[^']*'$")) {
        out.append(" ESCAPE '\\'");
      }
    }
    return out.toString();
  }
}
