package dev.ghlake.table;

import java.util.HashMap;
import java.util.Map;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.catalog.Catalog;
import org.slf4j.LoggerFactory;

/** Opens the plan's Iceberg catalog through Iceberg's own factory. */
public final class Catalogs {
  private Catalogs() {}

  public static Catalog open(TablePlan plan) {
    Map<String, String> props = new HashMap<>();
    props.put(CatalogUtil.ICEBERG_CATALOG_TYPE, plan.catalog().name());
    props.put(CatalogProperties.WAREHOUSE_LOCATION, plan.warehouse());
    if (!plan.uri().isEmpty()) {
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
    try {
      return CatalogUtil.buildIcebergCatalog("ghlake", props, hadoopConf);
    } catch (RuntimeException first) {
      // the JDBC catalog creates its own tables on first use, and two runs doing it at once
      // race: the loser's "already exists" means they are there now; once more, then it stands
      return CatalogUtil.buildIcebergCatalog("ghlake", props, hadoopConf);
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
