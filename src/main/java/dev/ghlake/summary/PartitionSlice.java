package dev.ghlake.summary;

import dev.ghlake.commit.PartitionResult;
import java.util.List;
import java.util.Set;

/**
 * What a run did with some of its partitions: a unit of a backfill job, a day of a load.
 *
 * @param written rows in the slice's committed partitions
 * @param committed partitions replaced
 * @param kept partitions left as the lake had them
 * @param incomplete partitions committed although the run could not vouch for them
 */
public record PartitionSlice(long written, int committed, int kept, int incomplete) {

  /** The slice of the ledger's partition results that {@code partitions} names. */
  static PartitionSlice of(List<PartitionResult> results, Set<String> partitions) {
    long written = 0;
    int committed = 0;
    int kept = 0;
    int incomplete = 0;
    for (PartitionResult p : results) {
      if (!partitions.contains(p.partition())) {
        continue;
      }
      if (p.committed()) {
        committed++;
        written += p.written();
        incomplete += p.complete() ? 0 : 1;
      } else {
        kept++;
      }
    }
    return new PartitionSlice(written, committed, kept, incomplete);
  }
}
