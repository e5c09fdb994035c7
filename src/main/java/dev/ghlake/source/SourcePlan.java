package dev.ghlake.source;

import dev.ghlake.accounting.SourceOutcome;
import dev.ghlake.model.HourWindow;
import dev.ghlake.source.bigquery.BigQueryPlan;
import dev.ghlake.source.http.HttpOptions;
import dev.ghlake.source.http.HttpSettings;
import dev.ghlake.source.synthetic.SyntheticPlan;
import java.io.IOException;
import java.util.List;

/**
 * What a run reads, resolved once before the pipeline is built: the source units (archive files
 * found with their sizes or known missing, hours to download, synthetic shards), or a BigQuery
 * plan whose tables Beam reads itself; and how lines are read.
 *
 * @param bigQuery the BigQuery plan, null for the other sources
 * @param tables the BigQuery tables' outcomes (a table is read whole or the read fails)
 * @param scrubEmails false for BigQuery rows, which GH Archive scrubbed already
 */
public record SourcePlan(SourceOptions.SourceKind kind, List<SourceUnit> units, ReadSettings read,
    BigQueryPlan bigQuery, List<SourceOutcome> tables, boolean scrubEmails) {

  /** Checks what needs no storage to check; throws {@link IllegalArgumentException} for bad values. */
  public static void check(SourceOptions options, List<HourWindow> windows) {
    if (options.getMaxLineMB() < 1 || options.getMaxLineMB() > 1024) {
      throw new IllegalArgumentException("--maxLineMB must be between 1 and 1024 (got "
          + options.getMaxLineMB() + ")");
    }
    if (options.getLatenessHours() < 0 || options.getLatenessHours() > ArchiveInput.MAX_LATENESS_HOURS) {
      throw new IllegalArgumentException("--latenessHours must be 0 to " + ArchiveInput.MAX_LATENESS_HOURS
          + " (got " + options.getLatenessHours() + ")");
    }
    switch (options.getSource()) {
      case gharchive -> {
        String input = options.getInput();
        if (input != null && (input.startsWith("http://") || input.startsWith("https://"))) {
          HttpSettings.of(options.as(HttpOptions.class));
        }
      }
      case synthetic -> new SyntheticPlan(options.getSyntheticEvents(), options.getSyntheticHours(),
          options.getSyntheticStart());
      case bigquery -> BigQueryPlan.of(options, span(windows)).checkReadable(options);
    }
  }

  /** Resolves the options for the run's windows; throws {@link IllegalArgumentException} for bad values. */
  public static SourcePlan resolve(SourceOptions options, List<HourWindow> windows, boolean scrubEmails)
      throws IOException {
    check(options, windows);
    int maxLineBytes = options.getMaxLineMB() * 1024 * 1024;
    return switch (options.getSource()) {
      case gharchive -> {
        List<SourceUnit> units = ArchiveInput.units(options.getInput(), windows, options.getLatenessHours());
        boolean http = units.stream().anyMatch(u -> u.kind() == SourceUnit.Kind.URL);
        HttpSettings settings = http ? HttpSettings.of(options.as(HttpOptions.class)) : null;
        yield new SourcePlan(options.getSource(), units, new ReadSettings(maxLineBytes, settings, 0),
            null, List.of(), scrubEmails);
      }
      case synthetic -> {
        SyntheticPlan plan = new SyntheticPlan(options.getSyntheticEvents(), options.getSyntheticHours(),
            options.getSyntheticStart());
        yield new SourcePlan(options.getSource(),
            plan.shards().stream().map(SourceUnit::synthetic).toList(),
            new ReadSettings(maxLineBytes, null, options.getSyntheticSeed()), null, List.of(), scrubEmails);
      }
      case bigquery -> {
        BigQueryPlan plan = BigQueryPlan.of(options, span(windows));
        plan.checkReadable(options);
        List<SourceOutcome> tables = plan.tables().stream()
            .map(t -> new SourceOutcome("bigquery:" + t, "bigquery:" + t, "", SourceOutcome.Role.OTHER,
                SourceOutcome.Status.COMPLETE, 0, 0, ""))
            .toList();
        yield new SourcePlan(options.getSource(), List.of(), new ReadSettings(maxLineBytes, null, 0),
            plan, tables, false); // GH Archive scrubbed its BigQuery rows
      }
    };
  }

  /** The one window that spans them all (BigQuery reads it; the exact windows drop the rest). */
  private static HourWindow span(List<HourWindow> windows) {
    if (windows.isEmpty()) {
      return null;
    }
    return HourWindow.between(windows.get(0).from(), windows.get(windows.size() - 1).to());
  }

  /** The window hours whose archive files are known to be missing already. */
  public List<SourceUnit> missingWindowHours() {
    return units.stream().filter(u -> u.plannedBytes() == SourceUnit.MISSING
        && u.role() == SourceOutcome.Role.WINDOW).toList();
  }
}
