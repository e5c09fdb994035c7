package dev.ghlake.source;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * What --input and --from/--to select: the hour files of a window inside a folder, or the files
 * a glob (or single path) names. Built and checked before the pipeline starts.
 *
 * <p>A window's events are not only in its own hour files: files hold late events (up to
 * --latenessHours after), and files before 2015 are named in Pacific time (7–8 hours behind UTC).
 * So a window reads those margin files too; {@code KeepWindow} then drops what is outside.
 */
public final class ArchiveInput implements Serializable {
  private final String pattern;
  private final HourWindow window;
  private final int latenessHours;

  private ArchiveInput(String pattern, HourWindow window, int latenessHours) {
    this.pattern = pattern;
    this.window = window;
    this.latenessHours = latenessHours;
  }

  /** Resolves the options; throws {@link IllegalArgumentException} saying what to change. */
  public static ArchiveInput from(SourceOptions options) {
    String input = options.getInput();
    if (input == null || input.isBlank()) {
      throw new IllegalArgumentException("--input is required with --source=gharchive: give a "
          + "folder of hourly files (with --from/--to), a glob like 'dir/*.json.gz', or one file");
    }
    if (options.getLatenessHours() < 0) {
      throw new IllegalArgumentException("--latenessHours must be 0 or more");
    }
    boolean glob = input.contains("*") || input.contains("?") || input.contains("[");
    if (isHttp(input)) {
      if (glob || HourWindow.of(options) == null) {
        throw new IllegalArgumentException("--input=" + input + " is a web server, which cannot be "
            + "listed: give --from/--to (the hours to download), or --input=<folder or glob> for "
            + "local or S3 files");
      }
      return new ArchiveInput(asFolder(input), HourWindow.of(options), options.getLatenessHours());
    }
    boolean folder = !glob && (input.endsWith("/") || isLocalDirectory(input));
    HourWindow window = HourWindow.of(options);
    if (folder && window == null) {
      return new ArchiveInput(asFolder(input) + "*.json.gz", null, 0);
    }
    if (window != null && !folder) {
      return new ArchiveInput(input, null, 0); // exactly these files; the window filters events
    }
    return new ArchiveInput(folder ? asFolder(input) : input, window, options.getLatenessHours());
  }

  private static boolean isHttp(String input) {
    return input.startsWith("http://") || input.startsWith("https://");
  }

  /** Whether the hour files are downloaded over HTTP(S) rather than read from a filesystem. */
  public boolean isHttp() {
    return isHttp(pattern);
  }

  private static boolean isLocalDirectory(String input) {
    return !input.contains("://") && Files.isDirectory(Path.of(input));
  }

  private static String asFolder(String input) {
    return input.endsWith("/") ? input : input + "/";
  }

  /** Whether hour files are picked by name (a folder and a window) rather than by a pattern. */
  public boolean isWindow() {
    return window != null;
  }

  /** The glob or path to match when hour files are not picked by name. */
  public String pattern() {
    return pattern;
  }

  /** Every hour file to read, in order: the window's own and its margins. */
  public List<String> hourFiles() {
    List<String> paths = new ArrayList<>();
    for (ZonedDateTime hour : readWindow().hours()) {
      paths.add(pattern + ArchiveHourNames.of(hour));
    }
    return paths;
  }

  /** The files read only for late events: their absence is no gap in the window. */
  public List<String> marginFiles() {
    HourWindow own = ownWindow();
    List<String> paths = new ArrayList<>();
    for (ZonedDateTime hour : readWindow().hours()) {
      if (!own.contains(hour)) {
        paths.add(pattern + ArchiveHourNames.of(hour));
      }
    }
    return paths;
  }

  /** The files named for the window's hours: UTC names, or Pacific ones (7–8 hours behind) before 2015. */
  private HourWindow ownWindow() {
    int behind = ArchiveHourNames.PACIFIC_OFFSET_HOURS;
    return pacific() ? window.widen(behind, -(behind - 1)) : window;
  }

  private HourWindow readWindow() {
    return readWindow(window, latenessHours);
  }

  /** The hours whose archive files (or day tables) can hold events of a window. */
  public static HourWindow readWindow(HourWindow window, int latenessHours) {
    boolean pacific = ArchiveHourNames.isPacific(window.from());
    return window.widen(pacific ? ArchiveHourNames.PACIFIC_OFFSET_HOURS : 0, latenessHours);
  }

  private boolean pacific() {
    return ArchiveHourNames.isPacific(window.from());
  }

  @Override
  public String toString() {
    return window == null ? pattern : pattern + " [" + window + ")";
  }
}
