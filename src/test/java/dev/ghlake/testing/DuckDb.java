package dev.ghlake.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Reads what ghlake wrote with DuckDB (in-process, JDBC): a reader independent of the writer. */
public final class DuckDb {
  private DuckDb() {}

  /** Handles one result row. */
  public interface Row {
    void accept(ResultSet rs) throws SQLException;
  }

  public static void query(String sql, Row row) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        row.accept(rs);
      }
    }
  }

  public static long count(String sql) throws SQLException {
    long[] n = {-1};
    query(sql, rs -> n[0] = rs.getLong(1));
    return n[0];
  }
}
