package dev.ghlake.table;

import java.io.IOException;
import java.util.List;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's table commit, after its lake commit and before the files it retired are removed: the
 * partitions of its windows, as their manifests now say, in one snapshot.
 *
 * @param line what it did, for the report (null when the run has no table)
 * @param error why it failed, null when it did not: the lake is committed, the table is not
 */
public record TableCommit(String line, String error) {
  private static final Logger LOG = LoggerFactory.getLogger(TableCommit.class);

  public static TableCommit of(TablePlan plan, List<String> partitions) {
    if (!plan.enabled()) {
      return new TableCommit(null, null);
    }
    try {
      Catalog catalog = Catalogs.open(plan);
      try {
        Table table = EventTable.createOrLoad(catalog, plan);
        return new TableCommit(TableSync.sync(table, plan, partitions).describe(plan.tableName()), null);
      } finally {
        Catalogs.close(catalog);
      }
    } catch (IOException | RuntimeException e) { // the catalog or the commit failed: the run reports it
      LOG.warn("The commit to the Iceberg table {} failed", plan.tableName(), e);
      return new TableCommit(null, "the lake's partitions are committed, its Iceberg table "
          + plan.tableName() + " is not (" + causes(e) + "): run 'ghlake table sync' with the same "
          + "window and options to make it match");
    }
  }

  /** The failure and what caused it: Iceberg's wrappers ("Unknown failure") hide the cause. */
  static String causes(Throwable e) {
    StringBuilder out = new StringBuilder();
    for (Throwable t = e; t != null && out.length() < 600; t = t.getCause() == t ? null : t.getCause()) {
      out.append(out.length() == 0 ? "" : "; caused by ").append(t.getClass().getSimpleName())
          .append(": ").append(t.getMessage());
    }
    return out.toString();
  }
}
