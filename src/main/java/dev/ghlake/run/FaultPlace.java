package dev.ghlake.run;

import dev.ghlake.sink.sort.SortedRows;
import dev.ghlake.stage.StagingWriter;
import dev.ghlake.storage.LakeStorage;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a run's failure happened and why, in words a person acts on: the staging folder, the
 * sort's spill folder or the lake, and whether it is full or not writable. A disk that fills up
 * says only "No space left on device"; which folder it was is read from the code that was
 * writing (the first of ghlake's frames in the failure's stack).
 *
 * @param staging the run's staging root
 * @param spill where sorting spills rows that do not fit in memory
 * @param lake the lake's root
 */
record FaultPlace(String staging, String spill, String lake) {
  /** Frames of these rooms write the staging folder, and the sort's spill folder. */
  private static final String STAGE = StagingWriter.class.getPackageName() + ".";
  private static final String SORT = SortedRows.class.getPackageName() + ".";

  /** The failure of a run that got as far as running its pipeline. */
  String describe(Throwable e) {
    Throwable root = root(e);
    String place = place(e);
    String cause = cause(root);
    return "the pipeline failed " + place + (cause == null ? "" : " (" + cause + ")") + ": "
        + LakeStorage.describe(e);
  }

  /** From the deepest cause out: its file if it names one, else the code that was writing. */
  private String place(Throwable e) {
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = e; t != null && !chain.contains(t); t = t.getCause()) {
      chain.add(0, t);
    }
    for (Throwable t : chain) {
      if (t instanceof FileSystemException f && f.getFile() != null) {
        String file = f.getFile();
        return file.startsWith(strip(staging)) ? "writing the staging folder " + staging
            : file.startsWith(spill) ? "writing the sort's spill folder " + spill
            : "at " + file + " (lake at " + lake + ")";
      }
      for (StackTraceElement frame : t.getStackTrace()) {
        String c = frame.getClassName();
        if (c.startsWith(STAGE)) {
          return "writing the staging folder " + staging;
        }
        if (c.startsWith(SORT)) { // the sort room writes only its spill folder
          return "writing the sort's spill folder " + spill;
        }
        if (c.startsWith("dev.ghlake.") && !c.startsWith("dev.ghlake.run.")) {
          return "(lake at " + lake + ")"; // the orchestration's own frames say nothing
        }
      }
    }
    return "(lake at " + lake + ")";
  }

  /** Full or not writable, with what to do; null for any other cause. */
  private String cause(Throwable root) {
    String m = root.getMessage() == null ? "" : root.getMessage().toLowerCase(Locale.ROOT);
    if (m.contains("no space left")) {
      return "that disk is full: free space there, or give --stagingLocation (staging) or "
          + "-Djava.io.tmpdir (spill) a disk with room";
    }
    if (root instanceof AccessDeniedException || m.contains("read-only file system")
        || m.contains("operation not permitted") || m.contains("permission denied")) {
      return "that folder is not writable";
    }
    return null;
  }

  private static Throwable root(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  private static String strip(String path) {
    return path.startsWith("file://") ? path.substring("file://".length()) : path;
  }
}
