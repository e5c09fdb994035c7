package dev.ghlake.report;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The lists: the runs, newest first, and the latest drift findings. */
final class TableViews {
  static final int RUNS_SHOWN = 200;
  static final int FINDINGS_SHOWN = 100;
  private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
      .withZone(ZoneOffset.UTC);

  private TableViews() {}

  static String runs(LakeState lake) {
    StringBuilder out = new StringBuilder("<section id=\"runs\"><h2>Run history</h2>"
        + "<table class=\"runs\"><thead><tr><th>run</th><th>started</th><th>window</th><th>status</th>"
        + "<th class=\"num\">duration</th><th class=\"num\">events/s</th><th class=\"num\">read</th>"
        + "<th class=\"num\">rows written</th><th class=\"num\">partitions</th><th class=\"num\">cost</th></tr></thead><tbody>");
    List<RunState> runs = lake.runs().stream().sorted(Comparator.comparing(RunState::runId).reversed())
        .limit(RUNS_SHOWN).toList();
    for (RunState r : runs) {
      out.append("<tr class=\"run\" data-status=\"").append(r.status() == null ? "unknown" : Html.esc(r.status()))
          .append("\"><td>").append(Html.esc(r.runId())).append("</td><td>")
          .append(r.started() == null ? "" : UTC.format(r.started())).append("</td><td>")
          .append(Html.esc(r.window() == null ? "" : r.window())).append("</td><td class=\"status ")
          .append(r.status() == null ? "unknown" : Html.esc(r.status())).append("\">")
          .append(r.status() == null ? "(ledger only)" : Html.esc(r.status())).append("</td><td class=\"num\">")
          .append(r.seconds() < 0 ? "" : String.format(Locale.ROOT, "%.1f s", r.seconds())).append("</td><td class=\"num\">")
          .append(r.eventsPerSecond() < 0 ? "" : Html.count(Math.round(r.eventsPerSecond()))).append("</td><td class=\"num\">")
          .append(Html.count(r.read())).append("</td><td class=\"num\">").append(Html.count(r.written()))
          .append("</td><td class=\"num\">").append(r.partitions()).append("</td><td class=\"num\">")
          .append(r.costUsd() < 0 ? "" : String.format(Locale.ROOT, "$%.4f", r.costUsd())).append("</td></tr>");
    }
    out.append("</tbody></table>");
    if (lake.runs().size() > RUNS_SHOWN) {
      out.append("<p class=\"note\">").append(RUNS_SHOWN).append(" newest of ").append(lake.runs().size()).append(" runs.</p>");
    }
    return out.append("</section>").toString();
  }

  static String findings(LakeState lake) {
    List<PartitionState.Finding> all = lake.findings();
    StringBuilder out = new StringBuilder("<section id=\"findings\"><h2>Latest findings</h2>");
    if (all.isEmpty()) {
      return out.append("<p class=\"note\">No drift findings in this range.</p></section>").toString();
    }
    out.append("<ul class=\"findings\">");
    for (PartitionState.Finding f : all.stream().limit(FINDINGS_SHOWN).toList()) {
      out.append("<li class=\"finding ").append(Html.esc(f.level())).append("\"><b>").append(Html.esc(f.level()))
          .append("</b> ").append(Html.esc(f.partition())).append(": ").append(Html.esc(f.measure()))
          .append(" (baseline ").append(Html.esc(f.baseline())).append(", now ").append(Html.esc(f.now()))
          .append(")</li>");
    }
    out.append("</ul>");
    if (all.size() > FINDINGS_SHOWN) {
      out.append("<p class=\"note\">").append(FINDINGS_SHOWN).append(" newest of ").append(all.size()).append(" findings.</p>");
    }
    return out.append("</section>").toString();
  }
}
