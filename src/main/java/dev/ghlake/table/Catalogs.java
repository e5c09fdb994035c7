package dev.ghlake.table;

import java.util.HashMap;
import java.util.Map;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.jdbc.UncheckedSQLException;
import org.slf4j.LoggerFactory;

/** Opens the plan's Iceberg catalog through Iceberg's own factory. */
public final class Catalogs {
  /** Attempts at opening a JDBC catalog that other runs create at the same moment: one per table it makes, and more. */
  static final int CREATE_ATTEMPTS = 4;

  private Catalogs() {}

  public static Catalog open(TablePlan plan) {
    Map<String, String> props = new HashMap<>();
    props.put(CatalogUtil.ICEBERG_CATALOG_TYPE, plan.catalog().name());
    props.put(CatalogProperties.WAREHOUSE_LOCATION, plan.warehouse());
    if (!plan.uri().isEmpty() && plan.catalog() != TableOptions.CatalogKind.glue) {
      props.put(CatalogProperties.URI, plan.uri());
    }
    if (plan.catalog() != TableOptions.CatalogKind.hadoop) {
      // the lake's own storage settings reach the table's metadata too; the Hadoop catalog keeps
      // its Hadoop filesystem, whose rename is its commit
      props.put(CatalogProperties.FILE_IO_IMPL, BeamFileIO.class.getName());
    }
    props.putAll(plan.properties()); // the user's last
    Object hadoopConf = plan.catalog() == TableOptions.CatalogKind.hadoop
        ? new org.apache.hadoop.conf.Configuration() : null;
    for (int attempt = 1; ; attempt++) {
      try {
        return CatalogUtil.buildIcebergCatalog("ghlake", props, hadoopConf);
      } catch (UncheckedSQLException e) {
        // the JDBC catalog creates its two tables on first use, each checked then created, and
        // runs doing it at once race: a loser's "already exists" means one more table is there
        // now, so the next attempt gets further (one retry was not always enough: CI, 2026-12-05)
        if (attempt == CREATE_ATTEMPTS) {
          throw e;
        }
      }
    }
  }


  /** Closes a catalog that holds connections (JDBC, REST); null and the rest are left alone. */
  public static void close(Catalog catalog) {
    if (catalog instanceof AutoCloseable c) {
      try {
        c.close();
      } catch (Exception e) {
        LoggerFactory.getLogger(Catalogs.class).warn("Could not close the Iceberg catalog: {}", e.toString());
      }
    }
  }
}
