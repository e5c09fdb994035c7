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
 */
public final class ArchiveInput implements Serializable {
  private final String pattern;
  private final HourWindow window;

  private ArchiveInput(String pattern, HourWindow window) {
    this.pattern = pattern;
    this.window = window;
  }

  /** Resolves the options; throws {@link IllegalArgumentException} saying what to change. */
  public static ArchiveInput from(SourceOptions options) {
    String input = options.getInput();
    if (input == null || input.isBlank()) {
      throw new IllegalArgumentException("--input is required with --source=gharchive: give a "
          + "folder of hourly files (with --from/--to), a glob like 'dir/*.json.gz', or one file");
    }
    boolean glob = input.contains("*") || input.contains("?") || input.contains("[");
    boolean folder = !glob && (input.endsWith("/") || isLocalDirectory(input));
    HourWindow window = options.getFrom() != null || options.getTo() != null
        ? HourWindow.parse(options.getFrom(), options.getTo())
        : null;
    if (window != null && !folder) {
      throw new IllegalArgumentException("--from/--to pick hour files inside a folder, but --input="
          + input + " is not a folder: give the folder, or drop --from/--to to read exactly "
          + "the files --input names");
    }
    if (folder && window == null) {
      return new ArchiveInput(asFolder(input) + "*.json.gz", null);
    }
    return new ArchiveInput(folder ? asFolder(input) : input, window);
  }

  private static boolean isLocalDirectory(String input) {
    return !input.contains("://") && Files.isDirectory(Path.of(input));
  }

  private static String asFolder(String input) {
    return input.endsWith("/") ? input : input + "/";
  }

  public boolean isWindow() {
    return window != null;
  }

  /** The glob or path to match when there is no window. */
  public String pattern() {
    return pattern;
  }

  /** The window's hour files, in order, when there is a window. */
  public List<String> hourFiles() {
    List<String> paths = new ArrayList<>();
    for (ZonedDateTime hour : window.hours()) {
      paths.add(pattern + HourWindow.archiveFileName(hour));
    }
    return paths;
  }

  @Override
  public String toString() {
    return window == null ? pattern : pattern + " [" + window + ")";
  }
}
