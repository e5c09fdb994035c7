package dev.ghlake.source.bigquery;

import dev.ghlake.model.HourWindow;
import dev.ghlake.source.ArchiveInput;
import dev.ghlake.source.SourceOptions;
import dev.ghlake.transform.FilterOptions;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.extensions.gcp.options.GcpOptions;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * What a BigQuery read of a window costs and asks for: the day, month or year tables that can
 * hold its events (its days, plus the lateness margin, plus 8 hours before 2015 whose tables
 * follow Pacific names), only the columns the normaliser needs, and filters pushed down.
 *
 * <p>Pushed down: the time window, types, repositories and orgs to keep (matched on
 * {@code repo.url}, which holds {@code owner/name} in every era, and {@code org.login}) and bots.
 * Each pushed filter keeps a superset of what the exact filters after the read keep; orgs and
 * repositories to drop are applied there only.
 */
public final class BigQueryPlan {
  static final List<String> COLUMNS =
      List.of("id", "type", "public", "payload", "repo", "actor", "org", "created_at");
  /** The query's extra column: the suffix of the table a row came from. */
  static final String SOURCE_TABLE = "source_table";
  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
  private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final HourWindow window;
  private final List<String> tables;
  private final FilterOptions filters;
  private final BigQueryOptions bq;

  private BigQueryPlan(HourWindow window, List<String> tables, FilterOptions filters, BigQueryOptions bq) {
    this.window = window;
    this.tables = tables;
    this.filters = filters;
    this.bq = bq;
  }

  /** The plan of the options' own window (--from/--to). */
  public static BigQueryPlan of(SourceOptions options) {
    boolean windowed = options.getFrom() != null || options.getTo() != null;
    return of(options, windowed ? HourWindow.parse(options.getFrom(), options.getTo()) : null);
  }

  /** The plan of a window (for several windows, the one that spans them all). */
  public static BigQueryPlan of(SourceOptions options, HourWindow window) {
    if (window == null) {
      throw new IllegalArgumentException("--source=bigquery needs --from/--to: GH Archive's tables "
          + "hold every event since 2011");
    }
    // checked here, for a BigQuery run only: a run of the files reads none of Google Cloud's options
    BigQueryOptions bq = options.as(BigQueryOptions.class);
    if (bq.getMaxBytesBilled() < 0) {
      throw new IllegalArgumentException("--maxBytesBilled must be 0 or more (got " + bq.getMaxBytesBilled() + ")");
    }
    HourWindow read = ArchiveInput.readWindow(window, options.getLatenessHours());
    return new BigQueryPlan(window, tables(read, bq), options.as(FilterOptions.class), bq);
  }

  /** The tables of the period set that hold the read window: one a day, a month or a year. */
  private static List<String> tables(HourWindow read, BigQueryOptions bq) {
    BigQueryOptions.TablePeriod period = bq.getBqTablePeriod();
    DateTimeFormatter name = switch (period) {
      case day -> DAY;
      case month -> DateTimeFormatter.ofPattern("yyyyMM");
      case year -> DateTimeFormatter.ofPattern("yyyy");
    };
    List<String> tables = new ArrayList<>();
    LocalDate last = read.to().minusHours(1).toLocalDate();
    for (LocalDate d = read.from().toLocalDate(); !d.isAfter(last); d = d.plusDays(1)) {
      String table = dataset(bq) + "." + name.format(d);
      if (tables.isEmpty() || !tables.get(tables.size() - 1).equals(table)) {
        tables.add(table);
      }
    }
    return tables;
  }

  /** {@code --bqDataset}, or GH Archive's own dataset for the period. */
  static String dataset(BigQueryOptions bq) {
    return bq.getBqDataset() != null ? bq.getBqDataset() : "githubarchive." + bq.getBqTablePeriod();
  }

  /** Fails fast on what the read method needs and the options lack. */
  public void checkReadable(PipelineOptions options) {
    String project = options.as(GcpOptions.class).getProject();
    if (project == null || project.isBlank()) {
      throw new IllegalArgumentException("--source=bigquery needs --project: the GCP project the "
          + "read runs in and is billed to");
    }
    if (method() == BigQueryOptions.Method.query
        && (options.getTempLocation() == null || options.getTempLocation().isBlank())) {
      throw new IllegalArgumentException("--bqMethod=query exports its result through "
          + "--tempLocation: give a gs://bucket/path (BigQuery exports only to Cloud Storage), or "
          + "use --bqMethod=direct, which needs no bucket");
    }
  }

  public List<String> tables() {
    return tables;
  }

  BigQueryOptions.Method method() {
    return bq.getBqMethod();
  }

  String dataset() {
    return dataset(bq);
  }

  String location() {
    return bq.getBqLocation();
  }

  String queryTempDataset() {
    return bq.getBqQueryTempDataset();
  }

  /**
   * The query of --bqMethod=query: one wildcard table, pruned by suffix so only these tables bill;
   * the suffix (free to select) names the table each row came from, for the per-table accounting.
   */
  public String sql() {
    String first = tables.get(0);
    String last = tables.get(tables.size() - 1);
    return "SELECT " + String.join(", ", COLUMNS) + ", _TABLE_SUFFIX AS " + SOURCE_TABLE + "\n"
        + "FROM `" + dataset(bq) + ".*`\n"
        + "WHERE _TABLE_SUFFIX BETWEEN " + SqlText.string(suffix(first)) + " AND "
        + SqlText.string(suffix(last)) + "\n"
        + "  AND " + String.join("\n  AND ", predicates(true));
  }

  /** The row restriction of --bqMethod=direct, per table (the Storage Read API's filter subset). */
  public String rowRestriction() {
    return String.join(" AND ", predicates(false));
  }

  private List<String> predicates(boolean query) {
    List<String> where = new ArrayList<>();
    where.add("created_at >= TIMESTAMP " + SqlText.string(TS.format(window.from()) + "+00"));
    where.add("created_at < TIMESTAMP " + SqlText.string(TS.format(window.to()) + "+00"));
    if (nonEmpty(filters.getTypes())) {
      where.add("type IN (" + SqlText.list(filters.getTypes()) + ")");
    }
    if (nonEmpty(filters.getExcludeTypes())) {
      where.add("type NOT IN (" + SqlText.list(filters.getExcludeTypes()) + ")");
    }
    if (query && nonEmpty(filters.getRepos())) {
      List<String> any = new ArrayList<>();
      filters.getRepos().forEach(g -> any.add("LOWER(repo.url) LIKE " + SqlText.string("%/" + SqlText.like(g))));
      where.add("(" + String.join(" OR ", any) + ")");
    }
    if (query && nonEmpty(filters.getOrgs())) { // the org, or for events without one the owner
      List<String> any = new ArrayList<>();
      filters.getOrgs().forEach(g -> {
        any.add("LOWER(org.login) LIKE " + SqlText.string(SqlText.like(g)));
        any.add("LOWER(repo.url) LIKE " + SqlText.string("%/" + SqlText.like(g) + "/%"));
      });
      where.add("(" + String.join(" OR ", any) + ")");
    }
    if (query && filters.getExcludeBots()) {
      where.add("(actor.login IS NULL OR NOT ENDS_WITH(actor.login, '[bot]'))");
    }
    return where;
  }

  /** What the plan leaves to the exact filters after the read. */
  List<String> appliedAfterRead() {
    List<String> after = new ArrayList<>();
    boolean query = bq.getBqMethod() == BigQueryOptions.Method.query;
    if (nonEmpty(filters.getExcludeOrgs()) || nonEmpty(filters.getExcludeRepos())) {
      after.add("--excludeOrgs/--excludeRepos (a negated pattern pushed down could drop what they keep)");
    }
    if (!query && (nonEmpty(filters.getRepos()) || nonEmpty(filters.getOrgs()) || filters.getExcludeBots())) {
      after.add("--repos/--orgs/--excludeBots (the Storage Read API's filter has no LIKE on nested fields)");
    }
    return after;
  }

  /** The plan as the dry run prints it, before anything contacts BigQuery. */
  public String describe() {
    StringBuilder out = new StringBuilder("BigQuery plan, --bqMethod=" + bq.getBqMethod() + ", window "
        + window + "\n  tables: " + String.join(", ", tables) + "\n");
    if (bq.getBqMethod() == BigQueryOptions.Method.query) {
      out.append("  SQL:\n    ").append(sql().replace("\n", "\n    ")).append('\n');
    } else {
      out.append("  selected fields: ").append(String.join(", ", COLUMNS)).append('\n')
          .append("  row restriction: ").append(rowRestriction()).append('\n');
    }
    List<String> after = appliedAfterRead();
    if (!after.isEmpty()) {
      out.append("  applied after the read: ").append(String.join(", ", after)).append('\n');
    }
    return out.append("  refused above --maxBytesBilled=").append(bq.getMaxBytesBilled()).toString();
  }

  private static String suffix(String table) {
    return table.substring(table.lastIndexOf('.') + 1);
  }

  private static boolean nonEmpty(List<String> values) {
    return values != null && !values.isEmpty();
  }

}
