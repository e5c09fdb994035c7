package dev.ghlake.source;

import dev.ghlake.accounting.SourceOutcome;
import dev.ghlake.model.HourWindow;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;

/**
 * What --input and the run's windows select, resolved into source units before the pipeline
 * starts: the hour files of the windows inside a folder (each found with its size, or known to
 * be missing), the hours to download from a web folder, or the files a glob (or one path) names.
 *
 * <p>A window's events are not only in its own hour files: files hold late events (up to
 * --latenessHours after), so a window reads those margin files too, and events outside it are
 * counted and dropped. Timeline-era files (2012-03-10-22 to 2014) are named in Pacific time
 * (7–8 hours behind UTC): {@link ArchiveHourNames} maps each hour to its file.
 */
public final class ArchiveInput {
  private ArchiveInput() {}

  /**
   * The most hours after a window whose files are read. GitHub's Events API delivers events
   * "anywhere from 30s to 6h" late (docs.github.com/rest/activity/events); two days is ample,
   * and a bound keeps a typo from planning years of files.
   */
  public static final int MAX_LATENESS_HOURS = 48;

  /** Resolves the input; throws {@link IllegalArgumentException} saying what to change. */
  public static List<SourceUnit> units(String input, List<HourWindow> windows, int latenessHours)
      throws IOException {
    if (input == null || input.isBlank()) {
      throw new IllegalArgumentException("--input is required with --source=gharchive: give a "
          + "folder of hourly files (with --from/--to), a glob like 'dir/*.json.gz', or one file");
    }
    if (latenessHours < 0 || latenessHours > MAX_LATENESS_HOURS) {
      throw new IllegalArgumentException("--latenessHours must be 0 to " + MAX_LATENESS_HOURS
          + " (got " + latenessHours + "): GitHub delivers events 30 s to 6 h late");
    }
    boolean glob = input.contains("*") || input.contains("?") || input.contains("[");
    if (isHttp(input)) {
      if (glob || windows.isEmpty()) {
        throw new IllegalArgumentException("--input=" + input + " is a web server, which cannot be "
            + "listed: give --from/--to (the hours to download), or --input=<folder or glob> for "
            + "local or S3 files");
      }
      return hours(asFolder(input), windows, latenessHours, null);
    }
    boolean folder = !glob && (input.endsWith("/") || isLocalDirectory(input));
    if (folder && !windows.isEmpty()) {
      String prefix = asFolder(input);
      return hours(prefix, windows, latenessHours,
          found(prefix, readNames(windows, latenessHours).keySet()));
    }
    String pattern = folder ? asFolder(input) + "*.json.gz" : input;
    return matched(pattern, glob || folder);
  }

  /** Every hour file of the windows and their margins; sizes from {@code found}, or URLs. */
  private static List<SourceUnit> hours(String prefix, List<HourWindow> windows, int lateness,
      Map<String, Long> found) {
    List<SourceUnit> units = new ArrayList<>();
    readNames(windows, lateness).forEach((name, own) -> {
      SourceOutcome.Role role = own ? SourceOutcome.Role.WINDOW : SourceOutcome.Role.MARGIN;
      units.add(found == null ? SourceUnit.url(prefix + name, role)
          : SourceUnit.file(prefix + name, found.getOrDefault(name, SourceUnit.MISSING), role));
    });
    windows.stream().flatMap(w -> w.hours().stream()).filter(h -> ArchiveHourNames.clockOf(h) == null)
        .distinct().forEach(h -> units.add(SourceUnit.unnamedHour(prefix, h)));
    return units;
  }

  /**
   * The sizes of the hour files present, found by one listing per day. An hour file absent from
   * a folder that exists is a missing hour (GH Archive lacks it, or has not published it yet);
   * a folder that does not exist, or holds nothing, is a wrong --input or a mirror that is gone,
   * and fails the run.
   */
  private static Map<String, Long> found(String prefix, Collection<String> names) throws IOException {
    Map<String, Long> sizes = listed(prefix, names);
    if (sizes.isEmpty() && !holdsAnything(prefix)) {
      throw new FileNotFoundException("the folder " + prefix + " does not exist or holds no file");
    }
    return sizes;
  }

  /** Whether a folder exists: a local directory, or a prefix with at least one object under it. */
  private static boolean holdsAnything(String prefix) throws IOException {
    if (!prefix.contains("://") || prefix.startsWith("file://")) {
      return Files.isDirectory(Path.of(prefix.replaceFirst("^file://", "")));
    }
    MatchResult r = FileSystems.match(List.of(prefix + "*"), EmptyMatchTreatment.ALLOW).get(0);
    if (r.status() == MatchResult.Status.ERROR) {
      throw new IOException("cannot list " + prefix + ": check --input and access to it");
    }
    return r.status() == MatchResult.Status.OK && !r.metadata().isEmpty();
  }

  private static Map<String, Long> listed(String prefix, Collection<String> names) throws IOException {
    List<String> days = names.stream().map(n -> prefix + n.substring(0, 10) + "-*.json.gz").distinct().toList();
    Map<String, Long> sizes = new HashMap<>();
    if (days.isEmpty()) {
      return sizes; // hours no file name stands for (March 2012)
    }
    for (MatchResult r : FileSystems.match(days, EmptyMatchTreatment.ALLOW)) {
      if (r.status() == MatchResult.Status.ERROR) {
        throw new IOException("cannot list the archive files under " + prefix
            + ": check --input and access to it");
      }
      if (r.status() == MatchResult.Status.OK) {
        r.metadata().forEach(m -> sizes.put(m.resourceId().getFilename(), m.sizeBytes()));
      }
    }
    return sizes;
  }

  private static List<SourceUnit> matched(String pattern, boolean isGlob) throws IOException {
    MatchResult r = FileSystems.match(List.of(pattern), EmptyMatchTreatment.ALLOW).get(0);
    List<MatchResult.Metadata> files = r.status() == MatchResult.Status.OK ? r.metadata() : List.of();
    if (files.isEmpty()) {
      throw new IllegalArgumentException("--input=" + pattern + (isGlob ? " matches no file"
          : " does not exist") + ": check the path (and access to it)");
    }
    TreeMap<String, SourceUnit> units = new TreeMap<>();
    files.forEach(m -> units.put(m.resourceId().toString(),
        SourceUnit.file(m.resourceId().toString(), m.sizeBytes(), SourceOutcome.Role.FILE)));
    return new ArrayList<>(units.values());
  }

  /**
   * The names of the files read for the windows, in order, each with whether it is the file of
   * one of their own hours (else a margin): each hour's file by {@link ArchiveHourNames#nameOf},
   * and after the last hour of each clock the next {@code latenessHours} files of that clock,
   * which hold events delivered late. So a window across 2015-01-01T00Z reads the timeline files
   * 2014-12-31-16… for the late events of 2014's last hours, and the Events API files for 2015.
   */
  public static Map<String, Boolean> readNames(List<HourWindow> windows, int latenessHours) {
    List<NameAt> names = new ArrayList<>();
    for (HourWindow w : windows) {
      for (ZonedDateTime h : w.hours()) {
        ArchiveHourNames.Clock clock = ArchiveHourNames.clockOf(h);
        if (clock == null) {
          continue; // no name stands for it (March 2012): a missing unit of its own says so
        }
        names.add(new NameAt(h, ArchiveHourNames.nameIn(h, clock), true));
        ZonedDateTime next = h.plusHours(1);
        if (!w.contains(next) || ArchiveHourNames.clockOf(next) != clock) {
          for (int k = 1; k <= latenessHours; k++) {
            String name = ArchiveHourNames.nameIn(h.plusHours(k), clock);
            if (name != null) {
              names.add(new NameAt(h.plusHours(k), name, false));
            }
          }
        }
      }
    }
    names.sort(Comparator.comparing(NameAt::hour).thenComparing(NameAt::name));
    LinkedHashMap<String, Boolean> inOrder = new LinkedHashMap<>();
    names.forEach(n -> inOrder.merge(n.name(), n.own(), Boolean::logicalOr));
    return inOrder;
  }

  /** A file name and the UTC hour it stands for, as the window's own file or a margin. */
  private record NameAt(ZonedDateTime hour, String name, boolean own) {}

  /** The hours whose archive files (or day tables) can hold events of a window. */
  public static HourWindow readWindow(HourWindow window, int latenessHours) {
    boolean pacific = ArchiveHourNames.isPacific(window.from());
    return window.widen(pacific ? ArchiveHourNames.PACIFIC_OFFSET_HOURS : 0, latenessHours);
  }

  private static boolean isHttp(String input) {
    return input.startsWith("http://") || input.startsWith("https://");
  }

  private static boolean isLocalDirectory(String input) {
    return !input.contains("://") && Files.isDirectory(Path.of(input));
  }

  private static String asFolder(String input) {
    return input.endsWith("/") ? input : input + "/";
  }
}
