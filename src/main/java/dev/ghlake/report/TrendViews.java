package dev.ghlake.report;

import dev.ghlake.model.PartitionPath;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The charts over days: events with the drift baseline band, the type mix, the watched payload keys. */
final class TrendViews {
  /** The drift check's defaults (DriftCheck): 14 days of baseline, at least 4 of them. */
  static final int BASELINE_DAYS = 14;
  static final int MIN_BASELINE = 4;
  static final String[] PALETTE = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
      "#e377c2", "#17becf", "#bcbd22", "#7f7f7f"};

  private TrendViews() {}

  /** Events per day; the band is where the drift check stays quiet (half to twice the baseline). */
  static String volume(LakeState lake) {
    List<LocalDate> days = lake.days();
    Map<LocalDate, Long> events = lake.eventsByDay();
    double[] values = days.stream().mapToDouble(d -> events.getOrDefault(d, 0L)).toArray();
    double[] median = new double[days.size()];
    for (int i = 0; i < days.size(); i++) {
      median[i] = baseline(values, i);
    }
    double max = Math.max(Arrays.stream(values).max().orElse(1), Arrays.stream(median).map(m -> Double.isNaN(m) ? 0 : 2 * m).max().orElse(1));
    TimeChart chart = new TimeChart("Events per day", days, max, "events per day", false);
    Set<LocalDate> loaded = lake.loadedDays();
    boolean[] banded = new boolean[days.size()];
    double[] low = new double[days.size()];
    double[] high = new double[days.size()];
    for (int i = 0; i < days.size(); i++) {
      banded[i] = !Double.isNaN(median[i]) && loaded.contains(days.get(i));
      low[i] = banded[i] ? median[i] / 2 : 0;
      high[i] = banded[i] ? median[i] * 2 : 0;
    }
    for (int[] run : TimeChart.runs(banded)) {
      chart.area("baseline band: half to twice the median of the " + BASELINE_DAYS + " days before",
          run[0], run[1], low, high, "#9ecae1", "band");
    }
    Double[] line = new Double[days.size()];
    for (int i = 0; i < days.size(); i++) {
      line[i] = loaded.contains(days.get(i)) ? values[i] : null; // a day not loaded is a gap, not 0
    }
    chart.line("events written", line, "#08519c");
    Map<LocalDate, List<PartitionState.Finding>> byDay = new TreeMap<>();
    lake.findings().forEach(f -> byDay.computeIfAbsent(PartitionPath.start(f.partition()).toLocalDate(), d -> new ArrayList<>()).add(f));
    byDay.forEach((day, findings) -> {
      int i = days.indexOf(day);
      if (i >= 0) {
        boolean error = findings.stream().anyMatch(f -> f.level().equals("error"));
        chart.mark(i, values[i], error ? "finding error" : "finding warn", day + ": " + findings.size()
            + " finding(s): " + String.join("; ", findings.stream().map(f -> f.measure()).distinct().limit(6).toList()));
      }
    });
    return "<section id=\"volume\"><h2>Events per day</h2><p class=\"legend\"><span><i class=\"swatch line\"></i>"
        + "events written</span><span><i class=\"swatch band\"></i>drift baseline band (½× to 2× the median of the "
        + BASELINE_DAYS + " days before)</span><span><i class=\"swatch finding-error\"></i>error finding</span>"
        + "<span><i class=\"swatch finding-warn\"></i>warning</span></p>" + chart.svg() + "</section>";
  }

  /** The median of the days before (those with events), NaN with fewer than the minimum. */
  static double baseline(double[] values, int i) {
    double[] before = Arrays.stream(Arrays.copyOfRange(values, Math.max(0, i - BASELINE_DAYS), i)).filter(v -> v > 0).sorted().toArray();
    if (before.length < MIN_BASELINE) {
      return Double.NaN;
    }
    int m = before.length / 2;
    return before.length % 2 == 1 ? before[m] : (before[m - 1] + before[m]) / 2;
  }

  /** Each type's share of the day's events, stacked; the nine busiest types and the rest. */
  static String typeMix(LakeState lake) {
    List<LocalDate> days = lake.days();
    Map<LocalDate, Map<String, Long>> byDay = lake.typesByDay();
    Map<String, Long> total = new TreeMap<>();
    byDay.values().forEach(m -> m.forEach((t, n) -> total.merge(t, n, Long::sum)));
    List<String> top = total.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(9).map(Map.Entry::getKey).toList();
    TimeChart chart = new TimeChart("Type mix per day", days, 1, "share of the day's events", true);
    double[] low = new double[days.size()];
    boolean[] has = new boolean[days.size()];
    for (int i = 0; i < days.size(); i++) {
      has[i] = !byDay.getOrDefault(days.get(i), Map.of()).isEmpty();
    }
    StringBuilder legend = new StringBuilder("<p class=\"legend\">");
    List<String> layers = new ArrayList<>(top);
    layers.add("other types");
    for (int l = 0; l < layers.size(); l++) {
      double[] high = low.clone();
      for (int i = 0; i < days.size(); i++) {
        Map<String, Long> day = byDay.getOrDefault(days.get(i), Map.of());
        long sum = day.values().stream().mapToLong(Long::longValue).sum();
        long n = l < top.size() ? day.getOrDefault(layers.get(l), 0L)
            : day.entrySet().stream().filter(e -> !top.contains(e.getKey())).mapToLong(Map.Entry::getValue).sum();
        high[i] = low[i] + (sum == 0 ? 0 : n / (double) sum);
      }
      for (int[] run : TimeChart.runs(has)) {
        chart.area(layers.get(l), run[0], run[1], low, high, PALETTE[l % PALETTE.length], "layer");
      }
      legend.append("<span><i class=\"swatch\" style=\"background:").append(PALETTE[l % PALETTE.length])
          .append("\"></i>").append(Html.esc(layers.get(l))).append("</span>");
      low = high;
    }
    return "<section id=\"types\"><h2>Type mix</h2>" + legend + "</p>" + chart.svg() + "</section>";
  }

  /**
   * Per watched object, the share of its type's events holding each key, per day: GitHub's cut of
   * 2025-10-07 shows as PushEvent's size, distinct_size and commits falling from 100 % to 0.
   */
  static String keys(LakeState lake) {
    List<LocalDate> days = lake.days();
    StringBuilder out = new StringBuilder("<section id=\"keys\"><h2>Payload keys present</h2>");
    for (Map.Entry<String, Map<LocalDate, PartitionState.KeyCounts>> watched : lake.keysByDay().entrySet()) {
      Map<String, Double[]> shares = new LinkedHashMap<>();
      Map<String, Double> peak = new TreeMap<>();
      for (int i = 0; i < days.size(); i++) {
        PartitionState.KeyCounts c = watched.getValue().get(days.get(i));
        if (c == null || c.events() == 0) {
          continue;
        }
        for (Map.Entry<String, Long> k : c.byKey().entrySet()) {
          double share = k.getValue() / (double) c.events();
          shares.computeIfAbsent(k.getKey(), x -> new Double[days.size()])[i] = share;
          peak.merge(k.getKey(), share, Math::max);
        }
      }
      // keys absent on a day after being present are 0 that day, not a gap
      shares.values().forEach(s -> fillZeros(s, watched.getValue(), days));
      List<String> shown = peak.entrySet().stream().filter(e -> e.getValue() >= 0.5)
          .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
          .limit(10).map(Map.Entry::getKey).sorted(Comparator.naturalOrder()).toList();
      TimeChart chart = new TimeChart(watched.getKey() + " keys present", days, 1, "share of the type's events", true);
      StringBuilder legend = new StringBuilder("<p class=\"legend\">");
      for (int k = 0; k < shown.size(); k++) {
        String colour = PALETTE[k % PALETTE.length];
        chart.line(watched.getKey() + " '" + shown.get(k) + "'", shares.get(shown.get(k)), colour);
        legend.append("<span><i class=\"swatch\" style=\"background:").append(colour).append("\"></i>")
            .append(Html.esc(shown.get(k))).append("</span>");
      }
      out.append("<h3>").append(Html.esc(watched.getKey())).append("</h3>").append(legend).append("</p>").append(chart.svg());
    }
    return out.append("</section>").toString();
  }

  private static void fillZeros(Double[] shares, Map<LocalDate, PartitionState.KeyCounts> byDay, List<LocalDate> days) {
    for (int i = 0; i < shares.length; i++) {
      PartitionState.KeyCounts c = byDay.get(days.get(i));
      if (shares[i] == null && c != null && c.events() > 0) {
        shares[i] = 0.0;
      }
    }
  }
}
