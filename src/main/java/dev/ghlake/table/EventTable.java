package dev.ghlake.table;

import dev.ghlake.model.EventSchema;
import dev.ghlake.model.PartitionBy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema.Field;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.mapping.MappingUtil;
import org.apache.iceberg.mapping.NameMappingParser;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/**
 * The Iceberg table of the lake's events: the lake's columns, then its partition columns ({@code
 * dt}, and {@code hour} for hour partitions) as strings, as the Hive folders and the Athena DDL
 * name them, partitioned by identity on them. The data files carry the columns' field ids
 * ({@link EventSchema#fieldId}); files written before they did have none, so the table also maps
 * columns by name ({@code schema.name-mapping.default}). The partition columns are not in the
 * files, and Iceberg's readers take them from each file's partition.
 */
public final class EventTable {
  public static final String DT = "dt";
  public static final String HOUR = "hour";

  private EventTable() {}

  /** The table's schema: ids in the order of the lake's columns. */
  public static Schema schema(PartitionBy by) {
    List<Types.NestedField> fields = new ArrayList<>();
    for (Field f : EventSchema.SCHEMA.getFields()) {
      int id = EventSchema.fieldId(f.pos()); // the id the data files carry
      boolean optional = f.schema().getType() == org.apache.avro.Schema.Type.UNION;
      org.apache.avro.Schema s = optional ? f.schema().getTypes().get(1) : f.schema();
      fields.add(optional ? Types.NestedField.optional(id, f.name(), type(f.name(), s))
          : Types.NestedField.required(id, f.name(), type(f.name(), s)));
    }
    int next = EventSchema.fieldId(fields.size());
    fields.add(Types.NestedField.required(next, DT, Types.StringType.get()));
    if (by == PartitionBy.hour) {
      fields.add(Types.NestedField.required(next + 1, HOUR, Types.StringType.get()));
    }
    return new Schema(fields);
  }

  private static Type type(String name, org.apache.avro.Schema s) {
    if (name.equals(EventSchema.CREATED_AT)) {
      return Types.TimestampType.withZone(); // timestamp-micros, adjusted to UTC in the files
    }
    return switch (s.getType()) {
      case STRING -> Types.StringType.get();
      case LONG -> Types.LongType.get();
      case BOOLEAN -> Types.BooleanType.get();
      default -> throw new IllegalStateException("no Iceberg type for " + name + ": " + s);
    };
  }

  /**
   * Creates the namespace unless it exists. Two runs may create it at once: the JDBC catalog then
   * fails the second with a key violation, not AlreadyExistsException; it exists all the same.
   */
  private static void createNamespace(SupportsNamespaces catalog, Namespace ns) {
    if (catalog.namespaceExists(ns)) {
      return;
    }
    try {
      catalog.createNamespace(ns);
    } catch (RuntimeException e) {
      if (!catalog.namespaceExists(ns)) {
        throw e;
      }
    }
  }

  public static PartitionSpec spec(Schema schema, PartitionBy by) {
    PartitionSpec.Builder b = PartitionSpec.builderFor(schema).identity(DT);
    return by == PartitionBy.hour ? b.identity(HOUR).build() : b.build();
  }

  /**
   * The table, created on first use (with its namespace); one made for another partitioning is
   * refused with what to do.
   */
  public static Table createOrLoad(Catalog catalog, TablePlan plan) {
    TableIdentifier id = TableIdentifier.of(plan.namespace(), plan.name());
    Schema schema = schema(plan.partitionBy());
    if (!catalog.tableExists(id)) {
      if (catalog instanceof SupportsNamespaces ns) {
        createNamespace(ns, Namespace.of(plan.namespace()));
      }
      try {
        return catalog.buildTable(id, schema).withPartitionSpec(spec(schema, plan.partitionBy()))
            .withProperties(Map.of(
                TableProperties.DEFAULT_NAME_MAPPING, NameMappingParser.toJson(MappingUtil.create(schema)),
                TableProperties.FORMAT_VERSION, "2"))
            .create();
      } catch (RuntimeException e) {
        // another run made it first: load it as below. Iceberg's JDBC catalog says so with
        // AlreadyExistsException on H2 but, on PostgreSQL, with an UncheckedSQLException of the key
        // violation (IcebergTableTest, two clients at once); either way the table is there now
        if (!catalog.tableExists(id)) {
          throw e;
        }
      }
    }
    Table table = catalog.loadTable(id);
    List<String> keys = table.spec().fields().stream().map(f -> f.name()).toList();
    List<String> want = spec(schema, plan.partitionBy()).fields().stream().map(f -> f.name()).toList();
    if (!keys.equals(want)) {
      throw new IllegalArgumentException("the Iceberg table " + plan.tableName() + " is partitioned by "
          + keys + ", this lake by " + want + ": give another --icebergTable");
    }
    return table;
  }
}
