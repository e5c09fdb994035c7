package dev.ghlake.commit;

import dev.ghlake.coders.RecordCoder;
import dev.ghlake.profile.DriftFinding;
import java.util.List;
import org.apache.beam.sdk.coders.BooleanCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;

/**
 * What the commit did with one partition: replaced it with this run's files (complete, or
 * incomplete when the run was told to or it had no previous version), or kept the version the
 * lake had because this run cannot vouch for its own.
 *
 * @param committed true when the run's files became the partition; false when it was kept
 * @param complete whether every source hour of the partition was read whole
 * @param gaps why the partition is not complete (a source missing, empty or broken)
 * @param findings how it differs from the lake's earlier partitions (none when kept)
 */
public record PartitionResult(String partition, boolean committed, boolean complete, long written,
    long files, long bytes, List<String> gaps, List<String> warnings, List<DriftFinding> findings) {

  /** Coder: results go to the run's ledger. */
  public static RecordCoder<PartitionResult> coder() {
    return CODER;
  }

  private static final RecordCoder<PartitionResult> CODER = RecordCoder.of(PartitionResult.class,
      StringUtf8Coder.of(), BooleanCoder.of(), BooleanCoder.of(), VarLongCoder.of(), VarLongCoder.of(),
      VarLongCoder.of(), ListCoder.of(StringUtf8Coder.of()), ListCoder.of(StringUtf8Coder.of()),
      ListCoder.of(DriftFinding.coder()));
}
