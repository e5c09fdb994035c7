package dev.ghlake;

import dev.ghlake.cli.CommandLine;
import dev.ghlake.cli.ConsoleLogging;
import dev.ghlake.model.HourWindow;
import dev.ghlake.model.LakePaths;
import dev.ghlake.model.PartitionPath;
import dev.ghlake.run.GhLakeOptions;
import dev.ghlake.run.Prepare;
import dev.ghlake.secrets.Redactor;
import dev.ghlake.storage.LakeStorage;
import dev.ghlake.table.Catalogs;
import dev.ghlake.table.EventTable;
import dev.ghlake.table.TableExpiry;
import dev.ghlake.table.TableOptions;
import dev.ghlake.table.TablePlan;
import dev.ghlake.table.TableSync;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;

/**
 * {@code ghlake table sync|expire}: the lake's Iceberg table outside a run. {@code sync} makes
 * the table hold what the manifests of a window say (after a failed table commit, or to make the
 * table of a lake loaded before it had one); {@code expire} removes snapshots older than
 * --expireDays and the metadata and files only they use.
 */
public final class TableCommand {
  private TableCommand() {}

  public static void main(String[] args) {
    ConsoleLogging.configure();
    try {
      System.exit(run(args, System.out));
    } catch (IllegalArgumentException e) {
      System.err.println("ghlake table: " + Redactor.redact(e.getMessage())); // whatever it quotes
      System.exit(2);
    }
  }

  /** Runs the action; 0 when done, 1 when it failed. Bad arguments throw IllegalArgumentException. */
  public static int run(String[] args, PrintStream out) {
    if (args.length == 0 || !List.of("sync", "expire").contains(args[0])) {
      throw new IllegalArgumentException("give an action: sync --from=... --to=... or expire [--expireDays=7], "
          + "with the lake's --output and its --table=iceberg options");
    }
    GhLakeOptions options = CommandLine.options(Arrays.copyOfRange(args, 1, args.length));
    if (options.getOutput() == null || options.getTable() != TableOptions.TableFormat.iceberg) {
      throw new IllegalArgumentException("give the lake's --output and --table=iceberg, with its catalog options");
    }
    TablePlan plan = TablePlan.of(options, LakePaths.of(options.getOutput()), options.getPartitionBy());
    List<String> partitions = args[0].equals("sync") ? partitions(options) : List.of();
    if (options.getExpireDays() < 1 || options.getExpireDays() > 3650) {
      throw new IllegalArgumentException("--expireDays must be from 1 to 3650 (got " + options.getExpireDays() + ")");
    }
    Prepare.storage(options);
    Catalog catalog = null;
    try {
      catalog = Catalogs.open(plan);
      Table table = EventTable.createOrLoad(catalog, plan);
      if (args[0].equals("sync")) {
        out.println("ghlake table sync: " + TableSync.sync(table, plan, partitions).describe(plan.tableName()));
      } else {
        out.println("ghlake table expire: " + TableExpiry.expire(table, plan, options.getExpireDays()));
      }
      return 0;
    } catch (IOException | RuntimeException e) { // catalog, storage or commit: said, exit 1
      System.err.println("ghlake table " + args[0] + " failed: " + LakeStorage.describe(e));
      return 1;
    } finally {
      Catalogs.close(catalog);
    }
  }

  private static List<String> partitions(GhLakeOptions options) {
    if (options.getFrom() == null) {
      throw new IllegalArgumentException("table sync needs --from (and --to): the window whose partitions to sync");
    }
    return PartitionPath.inWindow(HourWindow.parse(options.getFrom(), options.getTo()), options.getPartitionBy());
  }
}
