package dev.ghlake.table;

import dev.ghlake.model.LakePaths;
import dev.ghlake.model.PartitionBy;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.beam.sdk.io.aws2.options.AwsOptions;

/**
 * The run's table, resolved once from the options: which catalog, where, which table, and how
 * the lake is partitioned. Null-free; {@link #enabled()} is false for --table=none.
 *
 * @param eventsRoot the lake's events folder, where the table's data files are
 */
public record TablePlan(boolean enabled, TableOptions.CatalogKind catalog, String uri, String warehouse,
    String namespace, String name, Map<String, String> properties, PartitionBy partitionBy,
    String eventsRoot) implements Serializable {

  /** The plan of --table=none. */
  public static TablePlan none(String eventsRoot, PartitionBy by) {
    return new TablePlan(false, TableOptions.CatalogKind.hadoop, "", "", "", "", Map.of(), by, eventsRoot);
  }

  /** Resolves and checks the options; throws {@link IllegalArgumentException} saying what to change. */
  public static TablePlan of(TableOptions options, LakePaths lake, PartitionBy by) {
    String eventsRoot = lake.events();
    if (options.getTable() == TableOptions.TableFormat.none) {
      return none(eventsRoot, by);
    }
    String warehouse = options.getIcebergWarehouse() == null ? lake.resolve("_iceberg") : LakePaths.trimmed(options.getIcebergWarehouse());
    TableOptions.CatalogKind kind = options.getIcebergCatalog();
    String uri = options.getIcebergUri() == null ? "" : options.getIcebergUri().strip();
    if (kind == TableOptions.CatalogKind.hadoop && warehouse.matches("^(s3|s3a|gs)://.*")) {
      // Iceberg's Hadoop catalog commits by an atomic rename (and an atomic version-hint write),
      // which S3 lacks: two conflicting commits both think they succeeded (Iceberg's dev list,
      // mail-archive.com/dev@iceberg.apache.org/msg00364.html; github.com/apache/iceberg/issues/3546)
      throw new IllegalArgumentException("--icebergCatalog=hadoop keeps its commits in the warehouse "
          + warehouse + ", which needs an atomic rename that object stores lack: use "
          + "--icebergCatalog=jdbc (--icebergUri=jdbc:postgresql://...) or rest for a lake on S3");
    }
    checkJava(kind, Runtime.version().feature());
    if ((kind == TableOptions.CatalogKind.jdbc || kind == TableOptions.CatalogKind.rest) && uri.isEmpty()) {
      throw new IllegalArgumentException("--icebergCatalog=" + kind + " needs --icebergUri ("
          + (kind == TableOptions.CatalogKind.jdbc ? "jdbc:postgresql://host:5432/db" : "https://...") + ")");
    }
    String table = options.getIcebergTable().strip();
    int dot = table.lastIndexOf('.');
    if (dot <= 0 || dot == table.length() - 1) {
      throw new IllegalArgumentException("--icebergTable=" + table + " must be namespace.name, e.g. ghlake.events");
    }
    Map<String, String> properties = properties(options.getIcebergProperties());
    if (kind == TableOptions.CatalogKind.glue) {
      GlueSettings.checkName(table.substring(0, dot), table.substring(dot + 1));
      GlueSettings.addTo(properties, options.as(AwsOptions.class).getAwsRegion(), uri);
    }
    return new TablePlan(true, kind, uri, warehouse, table.substring(0, dot), table.substring(dot + 1),
        properties, by, eventsRoot);
  }

  /**
   * The Hadoop catalog reaches its warehouse through Hadoop's FileSystem, which asks
   * UserGroupInformation for the current user by {@code Subject.getSubject}; Java 24 removed that
   * call's working form (JEP 486: it throws "getSubject is not supported"), and Hadoop's fix,
   * HADOOP-19212, is not in the Hadoop this build carries. Refused before the load rather than
   * failing the table's commit after it. The JDBC and REST catalogs write through the lake's own
   * storage and run on any Java (both ran on Java 25 here).
   */
  static void checkJava(TableOptions.CatalogKind kind, int javaFeature) {
    if (kind == TableOptions.CatalogKind.hadoop && !hadoopRunsOn(javaFeature)) {
      throw new IllegalArgumentException("--icebergCatalog=hadoop does not run on Java " + javaFeature
          + " (Hadoop's FileSystem calls Subject.getSubject, which Java 24 and later refuse: "
          + "HADOOP-19212): use --icebergCatalog=jdbc or rest, or run ghlake on Java 17 or 21");
    }
  }

  /**
   * Whether Hadoop's UserGroupInformation works on this Java: not from 24 on (HADOOP-19212). One
   * place for the boundary, which Flink's local cluster meets too (RunPlanner.checkRunner).
   */
  public static boolean hadoopRunsOn(int javaFeature) {
    return javaFeature < 24;
  }

  /** name=value,name=value into a map, in order; a part without '=' is an error. */
  static Map<String, String> properties(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    for (String part : text.split(",")) {
      int eq = part.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("--icebergProperties holds '" + part.strip()
            + "': give name=value pairs separated by commas");
      }
      out.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
    }
    return out;
  }

  /** namespace.name, as users name it. */
  public String tableName() {
    return namespace + "." + name;
  }
}
