package dev.ghlake.bench;

import dev.ghlake.interactions.InteractionsTableTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * The interactions benchmark's yardstick (not a test): DuckDB doing the equivalent jobs to
 * {@code ghlake interactions} on a lake. {@code table}: the events' interaction kinds (the
 * documented rules in SQL, as InteractionsTableTest checks them) summed per (day, actor,
 * repository, kind) with first and last time, latest names and the bot flags, to zstd Parquet by
 * day. {@code export}: that table's pairs weighed (kind weights, stars and forks once, no decay),
 * dense indices by id, to CSV. It does less than ghlake (no accounting, manifests, re-run rules).
 *
 * <p>Usage: {@code DuckDbInteractions table <lake> <output folder> <threads>} or
 * {@code DuckDbInteractions export <table folder> <output folder> <threads>}.
 */
public final class DuckDbInteractions {
  private DuckDbInteractions() {}

  static final String WEIGHT_SQL = "CASE kind WHEN 'star' THEN 0.25 WHEN 'fork' THEN 0.5 "
      + "WHEN 'issue_opened' THEN 0.5 WHEN 'issue_comment' THEN 0.25 WHEN 'pr_review_comment' THEN 0.5 "
      + "WHEN 'discussion' THEN 0.25 ELSE 1.0 END";

  public static void main(String[] args) throws Exception {
    String job = args[0];
    String input = args[1];
    String output = args[2];
    long start = System.nanoTime();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute("SET threads = " + Integer.parseInt(args[3]));
      s.execute("SET preserve_insertion_order = false");
      if (job.equals("table")) {
        s.execute("COPY (SELECT *, bot_name OR day_events > 500 AS bot FROM (SELECT dt, actor_id, repo_id, kind, "
            + "count(*) AS events, min(created_at) AS first_at, max(created_at) AS last_at, "
            + "arg_max(actor_login, created_at) AS actor_login, arg_max(repo_name, created_at) AS repo_name, "
            + "bool_or(actor_login LIKE '%[bot]') AS bot_name, "
            + "sum(count(*)) OVER (PARTITION BY dt, actor_id) AS day_events "
            + "FROM (SELECT *, " + InteractionsTableTest.KIND_SQL + " AS kind FROM "
            + "read_parquet('" + input + "/events/**/*.parquet', hive_partitioning = true)) "
            + "WHERE kind IS NOT NULL AND actor_id IS NOT NULL AND repo_id IS NOT NULL GROUP BY dt, actor_id, repo_id, kind)) "
            + "TO '" + output + "' (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (dt), OVERWRITE_OR_IGNORE true)");
      } else {
        s.execute("CREATE TEMP TABLE pairs AS SELECT actor_id, repo_id, "
            + "ln(1 + sum(" + WEIGHT_SQL + " * CASE WHEN kind IN ('star', 'fork') THEN 1 ELSE events END)) AS weight, "
            + "epoch(max(last_at))::BIGINT AS ts, arg_max(actor_login, last_at) AS login, "
            + "arg_max(repo_name, last_at) AS repo_name "
            + "FROM read_parquet('" + input + "/dt=*/*.parquet') WHERE NOT bot GROUP BY ALL");
        s.execute("CREATE TEMP TABLE users AS SELECT actor_id, row_number() OVER (ORDER BY actor_id) - 1 AS user, "
            + "arg_max(login, ts) AS login FROM pairs GROUP BY actor_id");
        s.execute("CREATE TEMP TABLE items AS SELECT repo_id, row_number() OVER (ORDER BY repo_id) - 1 AS item, "
            + "arg_max(repo_name, ts) AS repo_name FROM pairs GROUP BY repo_id");
        s.execute("COPY (SELECT user, item, round(weight, 6) AS weight, ts AS timestamp FROM pairs "
            + "JOIN users USING (actor_id) JOIN items USING (repo_id)) TO '" + output + "/train.csv' (HEADER)");
        s.execute("COPY (SELECT user, actor_id, login FROM users) TO '" + output + "/users.csv' (HEADER)");
        s.execute("COPY (SELECT item, repo_id, repo_name FROM items) TO '" + output + "/items.csv' (HEADER)");
      }
    }
    System.out.printf("duckdb %s: %.2f s%n", job, (System.nanoTime() - start) / 1e9);
  }
}
