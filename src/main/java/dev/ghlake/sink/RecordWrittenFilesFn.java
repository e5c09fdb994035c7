package dev.ghlake.sink;

import dev.ghlake.model.Accounting;
import java.io.IOException;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.metrics.StringSet;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;

/** Counts each written file, its bytes (as the filesystem reports them) and its partition. */
class RecordWrittenFilesFn extends DoFn<KV<String, String>, KV<String, String>> {
  private final Counter files = Metrics.counter(Accounting.NAMESPACE, Accounting.FILES_WRITTEN);
  private final Counter bytes = Metrics.counter(Accounting.NAMESPACE, Accounting.BYTES_WRITTEN);
  private final StringSet partitions = Metrics.stringSet(Accounting.NAMESPACE, Accounting.PARTITIONS);

  @ProcessElement
  public void process(@Element KV<String, String> file, OutputReceiver<KV<String, String>> out)
      throws IOException {
    MatchResult.Metadata meta = FileSystems.match(List.of(file.getValue())).get(0).metadata().get(0);
    files.inc();
    bytes.inc(meta.sizeBytes());
    partitions.add(PartFileNaming.partitionOf(file.getKey()));
    out.output(file);
  }
}
