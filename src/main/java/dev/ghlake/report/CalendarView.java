package dev.ghlake.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The completeness calendar: one block per year (or the range, if shorter), a column per day and
 * a row per UTC hour, each hour coloured by its state with its counts and run as its tooltip.
 * Five years are five blocks a laptop screen shows at once.
 */
final class CalendarView {
  private static final int BLOCK_WIDTH = 1100;
  private static final int LEFT = 44;
  private static final int TOP = 18;

  private CalendarView() {}

  static String html(LakeState lake, List<LakeState.Cell> cells) {
    StringBuilder out = new StringBuilder("<section id=\"calendar\"><h2>Completeness, every hour (UTC)</h2>");
    out.append("<p class=\"legend\">");
    for (LakeState.CellState s : LakeState.CellState.values()) {
      out.append("<span><i class=\"swatch ").append(s.css()).append("\"></i>").append(s.label).append("</span>");
    }
    out.append("</p>");
    List<LocalDate> days = lake.days();
    for (int start = 0; start < days.size(); ) {
      int end = start;
      while (end < days.size() && days.get(end).getYear() == days.get(start).getYear()) {
        end++;
      }
      out.append(block(days.subList(start, end), cells.subList(start * 24, end * 24)));
      start = end;
    }
    return out.append("</section>").toString();
  }

  private static String block(List<LocalDate> days, List<LakeState.Cell> cells) {
    double w = Math.max(2.5, Math.min(22, (BLOCK_WIDTH - LEFT) / (double) Math.max(days.size(), 1)));
    double h = Math.max(5, Math.min(14, w));
    int width = Math.max(200, (int) Math.ceil(LEFT + w * days.size()) + 4); // room for a date label
    int height = (int) Math.ceil(TOP + h * 24) + 4;
    StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
        "<svg class=\"calendar\" data-year=\"%d\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\">",
        days.get(0).getYear(), width, height, width, height));
    for (int hour = 0; hour < 24; hour += 6) {
      svg.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%02d:00</text>",
          LEFT - 4, TOP + h * hour + h * 0.8, hour));
    }
    boolean months = days.size() > 62;
    int every = Math.max(1, (int) Math.ceil(78 / w)); // a label is some 70 px wide
    for (int d = 0; d < days.size(); d++) {
      LocalDate day = days.get(d);
      if (months ? day.getDayOfMonth() == 1 || d == 0 : d % every == 0) {
        svg.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%.1f\" y=\"12\">%s</text>", LEFT + w * d,
            months ? day.toString().substring(0, 7) : day.toString()));
      }
    }
    String cellW = hundredths(Math.max(w - 0.6, 1));
    String cellH = hundredths(Math.max(h - 0.6, 1));
    for (int i = 0; i < cells.size(); i++) {
      LakeState.Cell c = cells.get(i);
      // 43,824 of them in five years: appended, not String.format'ted
      svg.append("<rect class=\"cell ").append(c.state().css()).append("\" data-hour=\"")
          .append(c.hour().toString(), 0, 13).append("\" x=\"").append(hundredths(LEFT + w * (i / 24)))
          .append("\" y=\"").append(hundredths(TOP + h * (i % 24))).append("\" width=\"").append(cellW)
          .append("\" height=\"").append(cellH).append("\"><title>").append(Html.esc(tooltip(c)))
          .append("</title></rect>");
    }
    return svg.append("</svg>").toString();
  }

  private static String hundredths(double v) {
    long n = Math.round(v * 100);
    return n / 100 + "." + (n % 100 < 10 ? "0" : "") + n % 100;
  }

  static String tooltip(LakeState.Cell c) {
    StringBuilder t = new StringBuilder(c.hour().toString().replace('T', ' ') + " UTC: " + c.state().label);
    PartitionState p = c.partition();
    if (p != null) {
      t.append("; ").append(p.partition()).append(" holds ").append(Html.count(p.written()))
          .append(" events, written by run ").append(p.runId());
      if (!p.gaps().isEmpty()) {
        t.append("; ").append(String.join("; ", p.gaps()));
      }
    }
    if (c.state() == LakeState.CellState.KEPT) {
      t.append("; run ").append(c.kept().runId()).append(" kept it: ").append(c.kept().why());
    }
    return t.toString();
  }
}
