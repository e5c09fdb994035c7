package dev.ghlake.sink;

import dev.ghlake.accounting.Tally;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the run knows about one partition, gathered from tagged lines: its written files,
 * its ledger lines, whether the window claims it, and its missing archive hours.
 */
final class PartitionContents {
  static final String FILE = "F";
  static final String ENTRY = "E";
  static final String CLAIMED = "W";
  static final String MISSING = "M";

  final Map<String, String> fileByStem = new TreeMap<>();
  final Map<String, Long> rowsByStem = new TreeMap<>();
  final Map<String, Long> writtenByType = new TreeMap<>();
  final Map<String, Long> filteredByReason = new TreeMap<>();
  final Map<String, Long> eventsBySource = new TreeMap<>();
  final List<String> missing = new ArrayList<>();
  long duplicates;
  private boolean claimedOrWritten;

  static String file(String stem, String filename) {
    return FILE + "\t" + stem + "\t" + filename;
  }

  static String entry(String tallyKey, long count) {
    return ENTRY + "\t" + count + "\t" + tallyKey;
  }

  static PartitionContents of(Iterable<String> lines) {
    PartitionContents c = new PartitionContents();
    for (String line : lines) {
      String[] p = line.split("\t", 3);
      switch (p[0]) {
        case FILE -> c.fileByStem.put(p[1], p[2]);
        case ENTRY -> c.add(Tally.parse(p[2]), Long.parseLong(p[1]));
        case MISSING -> c.missing.add(p[1]);
        default -> { } // CLAIMED: the window owns the partition, even with nothing in it
      }
      c.claimedOrWritten |= !MISSING.equals(p[0]);
    }
    return c;
  }

  private void add(Tally t, long n) {
    switch (t.kind()) {
      case WRITTEN -> writtenByType.merge(t.detail(), n, Long::sum);
      case FILTERED -> filteredByReason.merge(t.detail(), n, Long::sum);
      case DUPLICATE -> duplicates += n;
      case FILE_ROWS -> rowsByStem.merge(t.detail(), n, Long::sum);
      default -> { }
    }
    if (t.kind() != Tally.Kind.FILE_ROWS) {
      eventsBySource.merge(t.source(), n, Long::sum);
    }
  }

  /**
   * Whether this run may replace the partition: its window claims it or events of it were seen.
   * A missing archive hour alone gives no right to touch a partition.
   */
  boolean isCommittable() {
    return claimedOrWritten;
  }

  long written() {
    return writtenByType.values().stream().mapToLong(Long::longValue).sum();
  }
}
