package dev.ghlake.table;

import dev.ghlake.commit.PartitionManifest;
import dev.ghlake.storage.ParallelReads;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Metrics;
import org.apache.iceberg.MetricsConfig;
import org.apache.iceberg.OverwriteFiles;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.mapping.NameMapping;
import org.apache.iceberg.mapping.NameMappingParser;
import org.apache.iceberg.parquet.ParquetUtil;

/**
 * Makes the table hold what the lake's manifests say, for some partitions, in one snapshot: a
 * partition whose files differ is replaced whole (its files in the table go, the manifest's come
 * in), one the lake does not hold leaves the table, the rest of the table stays. Nothing changed,
 * nothing committed, so running it again is harmless: it is how a run commits its partitions,
 * and how {@code ghlake table sync} repairs a table a failed commit left behind.
 *
 * <p>Two runs committing at once (other partitions, leases keep them apart on the same ones)
 * resolve through Iceberg's optimistic concurrency: the loser's commit is retried on the new
 * table version ({@code commit.retry.num-retries}).
 */
public final class TableSync {
  /** What a sync did: the snapshot it made (null when nothing changed). */
  public record Outcome(Long snapshotId, int partitionsReplaced, int partitionsRemoved, int filesAdded,
      int filesRemoved) {
    public String describe(String table) {
      return snapshotId == null ? "Iceberg table " + table + " already held these partitions"
          : String.format("Iceberg table %s: snapshot %d, %d partition(s) replaced, %d removed (%d files in, %d out)",
              table, snapshotId, partitionsReplaced, partitionsRemoved, filesAdded, filesRemoved);
    }
  }

  private TableSync() {}

  /** A partition as its manifest lists it (null: no manifest, the partition is gone). */
  private record Listed(String partition, String manifest) {}

  /** A partition to replace, with the data files its manifest lists (none: remove it). */
  private record Change(String partition, boolean gone, List<DataFile> files) {}

  public static Outcome sync(Table table, TablePlan plan, List<String> partitions) throws IOException {
    Map<String, Set<String>> inTable = filesByPartition(table, plan, partitions);
    String root = absolute(plan.eventsRoot());
    // manifests, then the footers of the partitions that differ only: many small reads each, at once
    List<Listed> listed = ParallelReads.all(partitions, "ghlake-table-manifests", p -> new Listed(p,
        PartitionManifest.read(plan.eventsRoot() + "/" + p + "/" + PartitionManifest.NAME)));
    List<Listed> differ = listed.stream()
        .filter(l -> !wantedPaths(root, l).equals(inTable.getOrDefault(l.partition(), Set.of()))).toList();
    List<Change> changes = ParallelReads.all(differ, "ghlake-table-footers", l -> new Change(l.partition(),
        l.manifest() == null, l.manifest() == null ? List.of() : dataFiles(table, root, l.partition(), l.manifest())));
    if (changes.isEmpty()) {
      return new Outcome(null, 0, 0, 0, 0);
    }
    OverwriteFiles overwrite = table.newOverwrite();
    int added = 0;
    int dropped = 0;
    int removed = 0;
    for (Change c : changes) {
      overwrite.overwriteByRowFilter(filter(c.partition()));
      c.files().forEach(overwrite::addFile);
      added += c.files().size();
      dropped += inTable.getOrDefault(c.partition(), Set.of()).size();
      removed += c.gone() ? 1 : 0;
    }
    overwrite.commit();
    return new Outcome(table.currentSnapshot().snapshotId(), changes.size() - removed, removed, added, dropped);
  }

  /** The paths the table should list for a partition: its manifest's files. */
  private static Set<String> wantedPaths(String root, Listed l) {
    Set<String> out = new HashSet<>();
    if (l.manifest() != null) {
      PartitionManifest.fileNames(l.manifest()).forEach(n -> out.add(root + "/" + l.partition() + "/" + n));
    }
    return out;
  }

  /** The files the table lists now, by partition, for the partitions asked about. */
  private static Map<String, Set<String>> filesByPartition(Table table, TablePlan plan, List<String> partitions)
      throws IOException {
    Map<String, Set<String>> out = new HashMap<>();
    if (table.currentSnapshot() == null) {
      return out;
    }
    Expression any = Expressions.alwaysFalse();
    for (String p : partitions) {
      any = Expressions.or(any, filter(p));
    }
    try (CloseableIterable<FileScanTask> tasks = table.newScan().filter(any).planFiles()) {
      for (FileScanTask t : tasks) {
        String path = t.file().path().toString();
        String partition = table.spec().partitionToPath(t.file().partition());
        out.computeIfAbsent(partition, k -> new HashSet<>()).add(path);
      }
    }
    return out;
  }

  /**
   * The manifest's files as the table lists them, each with its columns' counts and bounds from
   * its Parquet footer (one ranged read of the file's end), so that engines skip files by
   * created_at, ids or type within a partition, not by partition alone. A footer whose row count
   * is not the manifest's stops the commit: the lake's record and its file disagree.
   */
  private static List<DataFile> dataFiles(Table table, String root, String partition, String manifest) {
    MetricsConfig columns = MetricsConfig.forTable(table);
    NameMapping byName = NameMappingParser.fromJson(table.properties().get(TableProperties.DEFAULT_NAME_MAPPING));
    List<DataFile> out = new ArrayList<>();
    for (PartitionManifest.ListedFile f : PartitionManifest.files(manifest)) {
      String path = root + "/" + partition + "/" + f.name();
      Metrics metrics = ParquetUtil.fileMetrics(table.io().newInputFile(path, f.bytes()), columns, byName);
      if (metrics.recordCount() != f.rows()) {
        throw new IllegalStateException(path + " holds " + metrics.recordCount() + " rows, its partition's manifest "
            + "says " + f.rows() + ": the lake's record and its file disagree; load the partition's window again");
      }
      out.add(DataFiles.builder(table.spec())
          .withPath(path)
          .withFormat(FileFormat.PARQUET)
          .withPartitionPath(partition)
          .withFileSizeInBytes(f.bytes())
          .withMetrics(metrics)
          .build());
    }
    return out;
  }

  /** dt = '…' (and hour = '…') of a partition path such as dt=2024-07-01/hour=08. */
  static Expression filter(String partition) {
    Expression e = Expressions.alwaysTrue();
    for (String part : partition.split("/")) {
      int eq = part.indexOf('=');
      e = Expressions.and(e, Expressions.equal(part.substring(0, eq), part.substring(eq + 1)));
    }
    return e;
  }

  /** Other engines open the data files by the path the table gives: never a relative one. */
  static String absolute(String root) {
    return root.contains("://") ? root : Path.of(root).toAbsolutePath().normalize().toString();
  }
}
