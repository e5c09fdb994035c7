package dev.ghlake.table;

import java.time.Duration;
import java.time.Instant;
import org.apache.iceberg.Table;

/**
 * Removes the table's snapshots older than some days (the current one always stays) and the
 * metadata only they use. Never the lake's data files: the lake's commits remove those they
 * retire, and one the table dropped may still be data the lake cannot vouch for (a partition
 * whose manifest was lost).
 */
public final class TableExpiry {
  private TableExpiry() {}

  public static String expire(Table table, TablePlan plan, int days) {
    return expire(table, plan, Instant.now().minus(Duration.ofDays(days)))
        + "; those older than " + days + " day(s) went";
  }

  /** Expires the snapshots made before {@code olderThan}. */
  public static String expire(Table table, TablePlan plan, Instant olderThan) {
    int before = count(table);
    String data = TableSync.absolute(plan.eventsRoot()) + "/";
    table.expireSnapshots()
        .expireOlderThan(olderThan.toEpochMilli())
        .retainLast(1)
        .deleteWith(path -> {
          if (!path.startsWith(data)) {
            table.io().deleteFile(path);
          }
        })
        .commit();
    table.refresh();
    return String.format("%s kept %d of %d snapshot(s)", plan.tableName(), count(table), before);
  }

  private static int count(Table table) {
    int n = 0;
    for (var ignored : table.snapshots()) {
      n++;
    }
    return n;
  }
}
