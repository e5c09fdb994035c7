package dev.ghlake.commit;

import dev.ghlake.accounting.Tally;
import dev.ghlake.profile.PartitionProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.values.KV;

/** Everything the run knows about one partition's data: its written files and its counts. */
final class PartitionContents {
  final List<WrittenFile> files = new ArrayList<>();
  final Map<String, Long> writtenByType = new TreeMap<>();
  final Map<String, Long> filteredByReason = new TreeMap<>();
  final Map<String, Long> eventsBySource = new TreeMap<>();
  long duplicates;
  final PartitionProfile profile = new PartitionProfile();

  static PartitionContents of(Iterable<WrittenFile> files, Iterable<KV<Tally, Long>> tallies) {
    PartitionContents c = new PartitionContents();
    files.forEach(c.files::add);
    c.files.sort((a, b) -> a.name().compareTo(b.name()));
    tallies.forEach(t -> c.add(t.getKey(), t.getValue()));
    c.profile.addDuplicates(c.duplicates);
    return c;
  }

  private void add(Tally t, long n) {
    switch (t.kind()) {
      case WRITTEN -> writtenByType.merge(t.detail(), n, Long::sum);
      case FILTERED -> filteredByReason.merge(t.detail(), n, Long::sum);
      case DUPLICATE -> duplicates += n;
      case PROFILE -> {
        profile.add(t.detail(), n);
        return;
      }
      default -> {
        return;
      }
    }
    eventsBySource.merge(t.source(), n, Long::sum);
  }

  boolean isEmpty() {
    return files.isEmpty() && writtenByType.isEmpty() && filteredByReason.isEmpty() && duplicates == 0;
  }

  long written() {
    return writtenByType.values().stream().mapToLong(Long::longValue).sum();
  }

  long bytes() {
    return files.stream().mapToLong(WrittenFile::bytes).sum();
  }

  List<String> fileNames() {
    return files.stream().map(WrittenFile::name).toList();
  }
}
