package dev.ghlake.commit;

import dev.ghlake.profile.DriftFinding;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.apache.beam.sdk.coders.AtomicCoder;
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
  public static final class Coder extends AtomicCoder<PartitionResult> {
    private static final Coder INSTANCE = new Coder();
    private static final StringUtf8Coder STRING = StringUtf8Coder.of();
    private static final BooleanCoder BOOL = BooleanCoder.of();
    private static final VarLongCoder LONG = VarLongCoder.of();
    private static final ListCoder<String> STRINGS = ListCoder.of(StringUtf8Coder.of());
    private static final ListCoder<DriftFinding> FINDINGS = ListCoder.of(DriftFinding.Coder.of());

    public static Coder of() {
      return INSTANCE;
    }

    @Override
    public void encode(PartitionResult r, OutputStream out) throws IOException {
      STRING.encode(r.partition, out);
      BOOL.encode(r.committed, out);
      BOOL.encode(r.complete, out);
      LONG.encode(r.written, out);
      LONG.encode(r.files, out);
      LONG.encode(r.bytes, out);
      STRINGS.encode(r.gaps, out);
      STRINGS.encode(r.warnings, out);
      FINDINGS.encode(r.findings, out);
    }

    @Override
    public PartitionResult decode(InputStream in) throws IOException {
      return new PartitionResult(STRING.decode(in), BOOL.decode(in), BOOL.decode(in),
          LONG.decode(in), LONG.decode(in), LONG.decode(in), STRINGS.decode(in), STRINGS.decode(in),
          FINDINGS.decode(in));
    }

    @Override
    public void verifyDeterministic() {}
  }
}
