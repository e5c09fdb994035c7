package dev.ghlake.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The health report: one self-contained HTML file (styles and SVG inline, no script, no request
 * leaves the page), readable offline on a laptop screen: the completeness calendar, events per
 * day with the drift baseline band, the type mix, the watched payload keys, the runs, the findings.
 */
public final class HealthPage {
  private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
      .withZone(ZoneOffset.UTC);

  private HealthPage() {}

  public static String html(LakeState lake, String version, Instant generated) {
    List<LakeState.Cell> cells = lake.cells(); // every hour of the range: made once, drawn and counted
    return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>ghlake health: " + Html.esc(lake.lake()) + "</title><style>" + CSS + "</style></head><body>"
        + header(lake, cells, version, generated)
        + CalendarView.html(lake, cells)
        + TrendViews.volume(lake)
        + TrendViews.typeMix(lake)
        + TrendViews.keys(lake)
        + TableViews.runs(lake)
        + TableViews.findings(lake)
        + "<footer>Read from the lake's manifests and run records, not its data. Times and days are UTC.</footer>"
        + "</body></html>\n";
  }

  private static String header(LakeState lake, List<LakeState.Cell> cells, String version, Instant generated) {
    Map<LakeState.CellState, Integer> counts = new EnumMap<>(LakeState.CellState.class);
    cells.forEach(c -> counts.merge(c.state(), 1, Integer::sum));
    long events = lake.eventsByDay().values().stream().mapToLong(Long::longValue).sum();
    StringBuilder out = new StringBuilder("<header><h1>ghlake health</h1><p class=\"lake\">")
        .append(Html.esc(lake.lake())).append("</p><p>").append(lake.from()).append(" to ").append(lake.to())
        .append(" (UTC): ").append(Html.count(events)).append(" events in ").append(lake.partitions().size())
        .append(" partitions, ").append(lake.runs().size()).append(lake.runs().size() == 1 ? " run" : " runs")
        .append(". Generated ").append(UTC.format(generated))
        .append(" by ghlake ").append(Html.esc(version)).append(".</p><p class=\"summary\">");
    for (LakeState.CellState s : LakeState.CellState.values()) {
      out.append("<span class=\"count\" data-state=\"").append(s.css()).append("\"><i class=\"swatch ")
          .append(s.css()).append("\"></i>").append(Html.count(counts.getOrDefault(s, 0))).append(counts.getOrDefault(s, 0) == 1 ? " hour " : " hours ")
          .append(s.label).append("</span>");
    }
    return out.append("</p></header>").toString();
  }

  private static final String CSS = """
      body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#1d2733;
      max-width:1180px;margin:0 auto;padding:16px 20px 40px;background:#fff}
      h1{font-size:24px;margin:8px 0 2px}h2{font-size:18px;margin:28px 0 6px;border-bottom:1px solid #e3e7ec;
      padding-bottom:4px}h3{font-size:15px;margin:14px 0 2px}.lake{font-family:ui-monospace,Menlo,monospace;
      color:#4a5563;margin:0}.legend span,.summary span{display:inline-block;margin:2px 14px 2px 0}
      .swatch{display:inline-block;width:12px;height:12px;border-radius:2px;margin-right:5px;vertical-align:-1px}
      .complete{fill:#2e9d5b;background:#2e9d5b}.incomplete{fill:#f0b429;background:#f0b429}
      .kept{fill:#7b61ff;background:#7b61ff}.missing{fill:#d64545;background:#d64545}
      .not-loaded{fill:#dfe3e8;background:#dfe3e8}.swatch.line{background:#08519c;height:3px;vertical-align:3px}
      .swatch.band{background:#9ecae1}.swatch.finding-error{background:#d64545;border-radius:6px}
      .swatch.finding-warn{background:#f59f00;border-radius:6px}svg{display:block;max-width:100%;height:auto}
      svg.calendar{margin:6px 0 10px}.tick{font-size:11px;fill:#5b6675}.unit{font-size:12px;fill:#374151}
      .grid{stroke:#e5e8ec}.series{fill:none;stroke-width:2}.band{opacity:.55}.layer{opacity:.9}
      circle.finding{stroke:#fff;stroke-width:1.5}circle.error{fill:#d64545}circle.warn{fill:#f59f00}
      table{border-collapse:collapse;width:100%;font-size:13px}th,td{padding:4px 8px;border-bottom:1px solid #eef0f3;
      text-align:left;white-space:nowrap}.num{text-align:right}td.status.success{color:#2e7d4f}
      td.status.failed,td.status.suspect{color:#c0392b;font-weight:600}td.status.incomplete{color:#b7791f}
      li.finding.error b{color:#c0392b}li.finding.warn b{color:#b7791f}.note,footer{color:#5b6675;font-size:12px}
      footer{margin-top:30px}""";
}
