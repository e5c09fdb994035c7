package dev.ghlake.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An SVG chart over days: a plot area, a time axis in UTC days and a value axis with its unit;
 * series are added as paths in the chart's coordinates. Inline, no script: it draws offline.
 */
final class TimeChart {
  static final int WIDTH = 1100;
  static final int HEIGHT = 260;
  private static final int LEFT = 72;
  private static final int RIGHT = 40;
  private static final int TOP = 14;
  private static final int BOTTOM = 42;

  private final List<LocalDate> days;
  private final double max;
  private final String unit;
  private final boolean percent;
  private final StringBuilder svg = new StringBuilder();

  /** @param max the value axis' top (0 is its bottom); @param percent values are shares 0..1 */
  TimeChart(String title, List<LocalDate> days, double max, String unit, boolean percent) {
    this.days = days;
    this.max = max <= 0 ? 1 : niceCeiling(max, percent);
    this.unit = unit;
    this.percent = percent;
    svg.append(String.format(Locale.ROOT, "<svg class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\" "
        + "aria-label=\"%s\"><title>%s</title>", WIDTH, HEIGHT, Html.esc(title), Html.esc(title)));
    axes();
  }

  double x(int dayIndex) {
    int n = Math.max(1, days.size() - 1);
    return LEFT + (WIDTH - LEFT - RIGHT) * (days.size() == 1 ? 0.5 : dayIndex / (double) n);
  }

  double y(double value) {
    return TOP + (HEIGHT - TOP - BOTTOM) * (1 - Math.min(value, max) / max);
  }

  private void axes() {
    for (int i = 0; i <= 4; i++) {
      double v = max * i / 4;
      double yy = y(v);
      svg.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\"/>",
          LEFT, WIDTH - RIGHT, yy, yy));
      svg.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>",
          LEFT - 6, yy + 4, percent ? Math.round(v * 100) + "%" : Html.compact(v)));
    }
    svg.append(String.format(Locale.ROOT, "<text class=\"unit\" x=\"12\" y=\"%d\" transform=\"rotate(-90 12 %d)\" "
        + "text-anchor=\"middle\">%s</text>", (HEIGHT - BOTTOM + TOP) / 2, (HEIGHT - BOTTOM + TOP) / 2, Html.esc(unit)));
    int step = Math.max(1, (int) Math.ceil(days.size() / 10.0));
    for (int i = 0; i < days.size(); i += step) {
      svg.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
          x(i), HEIGHT - BOTTOM + 16, days.get(i)));
    }
    svg.append(String.format(Locale.ROOT, "<text class=\"unit\" x=\"%d\" y=\"%d\" text-anchor=\"end\">day (UTC)</text>",
        WIDTH - RIGHT, HEIGHT - 6));
  }

  /** A line through the values (null: no point that day), in a colour, with a tooltip. */
  TimeChart line(String name, Double[] values, String colour) {
    StringBuilder d = new StringBuilder();
    boolean pen = false;
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        pen = false;
        continue;
      }
      d.append(pen ? " L" : " M").append(String.format(Locale.ROOT, "%.1f %.1f", x(i), y(values[i])));
      pen = true;
    }
    svg.append(String.format("<path class=\"series\" data-series=\"%s\" d=\"%s\" stroke=\"%s\"><title>%s</title></path>",
        Html.esc(name), d.toString().trim(), colour, Html.esc(name)));
    if (days.size() <= 62) { // few days: each point marked, so a lone day shows too
      for (int i = 0; i < values.length; i++) {
        if (values[i] != null) {
          svg.append(String.format(Locale.ROOT, "<circle class=\"point\" cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"/>",
              x(i), y(values[i]), colour));
        }
      }
    }
    return this;
  }

  /** A filled area between two lines over the days [from, to) (a band, or a stacked layer). */
  TimeChart area(String name, int from, int to, double[] low, double[] high, String colour, String cssClass) {
    if (to - from == 1) { // a lone day: a bar, which an area of no width would not show
      double half = Math.min(24, (WIDTH - LEFT - RIGHT) / (2.0 * days.size()));
      svg.append(String.format(Locale.ROOT, "<rect class=\"%s\" data-series=\"%s\" x=\"%.1f\" y=\"%.1f\" "
          + "width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s</title></rect>", cssClass, Html.esc(name),
          x(from) - half, y(high[from]), 2 * half, Math.max(0, y(low[from]) - y(high[from])), colour, Html.esc(name)));
      return this;
    }
    StringBuilder d = new StringBuilder();
    for (int i = from; i < to; i++) {
      d.append(i == from ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x(i), y(high[i])));
    }
    for (int i = to - 1; i >= from; i--) {
      d.append(String.format(Locale.ROOT, " L%.1f %.1f", x(i), y(low[i])));
    }
    svg.append(String.format("<path class=\"%s\" data-series=\"%s\" d=\"%s Z\" fill=\"%s\"><title>%s</title></path>",
        cssClass, Html.esc(name), d, colour, Html.esc(name)));
    return this;
  }

  /** A marked point with its tooltip (a finding). */
  TimeChart mark(int dayIndex, double value, String cssClass, String tooltip) {
    svg.append(String.format(Locale.ROOT, "<circle class=\"%s\" cx=\"%.1f\" cy=\"%.1f\" r=\"5\"><title>%s</title></circle>",
        cssClass, x(dayIndex), y(value), Html.esc(tooltip)));
    return this;
  }

  /** The runs [from, to) of consecutive days that have a value. */
  static List<int[]> runs(boolean[] has) {
    List<int[]> out = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= has.length; i++) {
      boolean h = i < has.length && has[i];
      if (h && start < 0) {
        start = i;
      } else if (!h && start >= 0) {
        out.add(new int[] {start, i});
        start = -1;
      }
    }
    return out;
  }

  String svg() {
    return svg + "</svg>";
  }

  /** 1, 2 or 5 times a power of ten at or above the value; 100 % for shares. */
  static double niceCeiling(double v, boolean percent) {
    if (percent) {
      return 1;
    }
    double p = Math.pow(10, Math.floor(Math.log10(v)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * p >= v) {
        return m * p;
      }
    }
    return 10 * p;
  }
}
