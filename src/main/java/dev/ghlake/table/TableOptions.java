package dev.ghlake.table;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** The lake as an Apache Iceberg table besides its Hive folders (docs/iceberg.md). */
public interface TableOptions extends PipelineOptions {
  /** Whether a run also commits its partitions to a table. */
  enum TableFormat {
    /** The Hive folders and ghlake's manifests only. */
    none,
    /** Also an Apache Iceberg table: one snapshot per run. */
    iceberg
  }

  /** Where the Iceberg table's current metadata is recorded. */
  enum CatalogKind {
    /** In the warehouse folder itself: a local or HDFS path, not S3 (no atomic rename there). */
    hadoop,
    /** In a database (--icebergUri=jdbc:postgresql://...): any warehouse, S3 included. */
    jdbc,
    /** An Iceberg REST catalog (--icebergUri=https://...), such as S3 Tables' endpoint. */
    rest,
    /**
     * The AWS Glue Data Catalog, where Athena finds Iceberg tables: the region of --awsRegion,
     * the default AWS credentials (the function's or the cluster's role); --icebergUri only to
     * reach another Glue endpoint.
     */
    glue
  }

  @Description("Also keep the lake as a table read as atomic snapshots: none or iceberg "
      + "(each run commits its partitions as one Iceberg snapshot; docs/iceberg.md)")
  @Default.Enum("none")
  TableFormat getTable();

  void setTable(TableFormat value);

  @Description("The Iceberg catalog: hadoop (metadata in --icebergWarehouse; local or HDFS only), "
      + "jdbc (--icebergUri=jdbc:postgresql://host/db), rest (--icebergUri=https://...), "
      + "glue (the AWS Glue Data Catalog, which Athena reads; docs/iceberg.md)")
  @Default.Enum("hadoop")
  CatalogKind getIcebergCatalog();

  void setIcebergCatalog(CatalogKind value);

  @Description("The catalog's address: a JDBC URL for jdbc, the endpoint for rest; for glue, "
      + "another endpoint than the region's (a VPC endpoint)")
  String getIcebergUri();

  void setIcebergUri(String value);

  @Description("Where the table's metadata goes (default: <output>/_iceberg); its data files are "
      + "the lake's own, under <output>/events")
  String getIcebergWarehouse();

  void setIcebergWarehouse(String value);

  @Description("The table, namespace.name")
  @Default.String("ghlake.events")
  String getIcebergTable();

  void setIcebergTable(String value);

  @Description("More catalog properties, name=value separated by commas (jdbc.user=u,jdbc.password=p)")
  String getIcebergProperties();

  void setIcebergProperties(String value);

  @Description("ghlake table expire: snapshots older than this many days go, and the metadata "
      + "only they use (1 to 3650; the current snapshot always stays)")
  @Default.Integer(7)
  int getExpireDays();

  void setExpireDays(int value);
}
