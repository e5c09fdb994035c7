package dev.ghlake.report;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A lake's health between two days, from its manifests and runs: every hour's state, the days'
 * events and type mix, the watched payload keys' presence, the runs and the findings.
 */
public record LakeState(String lake, LocalDate from, LocalDate to, List<PartitionState> partitions,
    List<RunState> runs, Map<String, Kept> kept) {

  /** What the calendar shows for an hour. */
  public enum CellState {
    COMPLETE("complete"),
    INCOMPLETE("incomplete"),
    KEPT("kept"),
    MISSING("missing in GH Archive"),
    NOT_LOADED("not loaded");

    public final String label;

    CellState(String label) {
      this.label = label;
    }

    public String css() {
      return name().toLowerCase().replace('_', '-');
    }
  }

  /** A run that left a partition as the lake had it, and why. */
  public record Kept(String runId, String why) {}

  /** One hour of the calendar. */
  public record Cell(LocalDateTime hour, CellState state, PartitionState partition, Kept kept) {}

  static LakeState of(String lake, List<PartitionState> partitions, List<RunReading.Run> runs,
      LocalDate from, LocalDate to) {
    List<RunState> states = new ArrayList<>(runs.stream().map(RunReading.Run::state).toList());
    states.sort(Comparator.comparing(RunState::runId));
    Map<String, Kept> kept = new HashMap<>();
    runs.stream().sorted(Comparator.comparing(r -> r.state().runId()))
        .forEach(r -> r.kept().forEach((p, why) -> kept.put(p, new Kept(r.state().runId(), why))));
    LocalDate first = from != null ? from : partitions.isEmpty() ? LocalDate.now() : partitions.get(0).start().toLocalDate();
    LocalDate last = to != null ? to.minusDays(1)
        : partitions.isEmpty() ? first : partitions.get(partitions.size() - 1).start().toLocalDate();
    return new LakeState(lake, first, last.isBefore(first) ? first : last, List.copyOf(partitions),
        List.copyOf(states), kept);
  }

  /** The days shown, first to last. */
  public List<LocalDate> days() {
    List<LocalDate> out = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      out.add(d);
    }
    return out;
  }

  /** Every hour of every day shown, in order. */
  public List<Cell> cells() {
    Map<LocalDateTime, PartitionState> byHour = new HashMap<>();
    for (PartitionState p : partitions) {
      for (int h = 0; h < p.hours(); h++) {
        byHour.put(p.start().plusHours(h), p);
      }
    }
    List<Cell> out = new ArrayList<>();
    for (LocalDate day : days()) {
      for (int h = 0; h < 24; h++) {
        LocalDateTime hour = day.atTime(h, 0);
        PartitionState p = byHour.get(hour);
        Kept k = p == null ? null : kept.get(p.partition());
        out.add(new Cell(hour, state(hour, p, k), p, k));
      }
    }
    return out;
  }

  private static CellState state(LocalDateTime hour, PartitionState p, Kept k) {
    if (p == null) {
      return CellState.NOT_LOADED;
    }
    if (p.missingHours().contains(hour.toString().substring(0, 13))) {
      return CellState.MISSING;
    }
    if (k != null && k.runId().compareTo(p.runId()) > 0) {
      return CellState.KEPT;
    }
    return p.complete() ? CellState.COMPLETE : CellState.INCOMPLETE;
  }

  /** Events written per day. */
  public Map<LocalDate, Long> eventsByDay() {
    Map<LocalDate, Long> out = new TreeMap<>();
    days().forEach(d -> out.put(d, 0L));
    partitions.forEach(p -> out.merge(p.start().toLocalDate(), p.written(), Long::sum));
    return out;
  }

  /** The days that hold a partition. */
  public Set<LocalDate> loadedDays() {
    Set<LocalDate> out = new HashSet<>();
    partitions.forEach(p -> out.add(p.start().toLocalDate()));
    return out;
  }

  /** Events per day by type. */
  public Map<LocalDate, Map<String, Long>> typesByDay() {
    Map<LocalDate, Map<String, Long>> out = new TreeMap<>();
    days().forEach(d -> out.put(d, new TreeMap<>()));
    partitions.forEach(p -> p.byType().forEach((t, n) ->
        out.computeIfAbsent(p.start().toLocalDate(), d -> new TreeMap<>()).merge(t, n, Long::sum)));
    return out;
  }

  /** Per watched object, per day: its type's events and each key's. */
  public Map<String, Map<LocalDate, PartitionState.KeyCounts>> keysByDay() {
    Map<String, Map<LocalDate, PartitionState.KeyCounts>> out = new LinkedHashMap<>();
    ManifestReading.WATCHED.forEach(w -> out.put(w.label(), new TreeMap<>()));
    for (PartitionState p : partitions) {
      p.keys().forEach((label, counts) -> out.computeIfAbsent(label, l -> new TreeMap<>())
          .merge(p.start().toLocalDate(), counts, LakeState::plus));
    }
    out.values().removeIf(Map::isEmpty);
    return out;
  }

  private static PartitionState.KeyCounts plus(PartitionState.KeyCounts a, PartitionState.KeyCounts b) {
    Map<String, Long> keys = new TreeMap<>(a.byKey());
    b.byKey().forEach((k, n) -> keys.merge(k, n, Long::sum));
    return new PartitionState.KeyCounts(a.events() + b.events(), keys);
  }

  /** Every finding, the newest partition first. */
  public List<PartitionState.Finding> findings() {
    List<PartitionState.Finding> out = new ArrayList<>();
    partitions.forEach(p -> out.addAll(p.findings()));
    out.sort(Comparator.comparing(PartitionState.Finding::partition).reversed()
        .thenComparing(PartitionState.Finding::level));
    return out;
  }
}
