package dev.ghlake.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * The benchmark's yardstick (not a test): DuckDB doing the equivalent job to ghlake's load, the
 * hour files read as JSON into the core columns, written as zstd Parquet partitioned by dt and
 * hour. It does less than ghlake (no de-duplication, accounting or manifests).
 *
 * <p>Usage: {@code DuckDbBaseline <folder of *.json.gz> <output folder> <threads>}.
 */
public final class DuckDbBaseline {
  private DuckDbBaseline() {}

  public static void main(String[] args) throws Exception {
    String input = args[0];
    String output = args[1];
    int threads = Integer.parseInt(args[2]);
    long start = System.nanoTime();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute("SET threads = " + threads);
      s.execute("SET preserve_insertion_order = false");
      s.execute("COPY (SELECT id AS event_id, type, created_at, actor.id AS actor_id, "
          + "actor.login AS actor_login, repo.id AS repo_id, repo.name AS repo_name, "
          + "org.id AS org_id, org.login AS org_login, public, payload::VARCHAR AS payload, "
          + "strftime(created_at AT TIME ZONE 'UTC', '%Y-%m-%d') AS dt, "
          + "hour(created_at AT TIME ZONE 'UTC') AS hour "
          + "FROM read_json('" + input + "/*.json.gz', format = 'newline_delimited', "
          + "columns = {id: 'VARCHAR', type: 'VARCHAR', created_at: 'TIMESTAMPTZ', "
          + "actor: 'STRUCT(id BIGINT, login VARCHAR)', repo: 'STRUCT(id BIGINT, name VARCHAR)', "
          + "org: 'STRUCT(id BIGINT, login VARCHAR)', public: 'BOOLEAN', payload: 'JSON'})) "
          + "TO '" + output + "' (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (dt, hour), "
          + "OVERWRITE_OR_IGNORE true)");
    }
    System.out.printf("duckdb: %.2f s%n", (System.nanoTime() - start) / 1e9);
  }
}
