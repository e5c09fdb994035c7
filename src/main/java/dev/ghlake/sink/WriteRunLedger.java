package dev.ghlake.sink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ghlake.accounting.Tally;
import java.io.IOException;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Writes the run's ledger, {@code <output>/_runs/<run>/ledger.json}, once every partition is
 * committed: every tally and every partition's result. The run report is computed from it, so
 * the accounting rests on data the pipeline produced, not on metrics.
 */
public class WriteRunLedger extends PTransform<PCollection<String>, PDone> {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ENTRY = "E";
  private static final String PARTITION = "P";
  private static final String HEADER = "H";

  private final String path;
  private final String runId;
  private final transient PCollection<KV<String, Long>> ledger;

  private WriteRunLedger(String path, String runId, PCollection<KV<String, Long>> ledger) {
    this.path = path;
    this.runId = runId;
    this.ledger = ledger;
  }

  public static WriteRunLedger to(String path, String runId, PCollection<KV<String, Long>> ledger) {
    return new WriteRunLedger(path, runId, ledger);
  }

  /** Where a run's ledger lives in the lake. */
  public static String path(String output, String runId) {
    return (output.endsWith("/") ? output : output + "/") + "_runs/" + runId + "/ledger.json";
  }

  @Override
  public PDone expand(PCollection<String> partitionResults) {
    KvCoder<String, String> coder = KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of());
    String runId = this.runId; // the lambdas must not capture this transform
    PCollection<KV<String, String>> entries = ledger.apply("EntryLines", MapElements
        .into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()))
        .via((KV<String, Long> e) -> KV.of(runId, ENTRY + e.getValue() + "\t" + e.getKey())));
    PCollection<KV<String, String>> partitions = partitionResults.apply("PartitionLines", MapElements
        .into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()))
        .via((String p) -> KV.of(runId, PARTITION + p)));
    // one element even for an empty run, so the ledger is always written
    PCollection<KV<String, String>> header = partitionResults.getPipeline()
        .apply("Header", Create.of(KV.of(runId, HEADER)).withCoder(coder));
    PCollectionList.of(entries.setCoder(coder)).and(partitions.setCoder(coder)).and(header)
        .apply("AllLines", Flatten.pCollections())
        .apply("OneLedger", GroupByKey.create())
        .apply("Write", ParDo.of(new WriteFn(path)));
    return PDone.in(partitionResults.getPipeline());
  }

  static class WriteFn extends DoFn<KV<String, Iterable<String>>, Void> {
    private final String path;

    WriteFn(String path) {
      this.path = path;
    }

    @ProcessElement
    public void process(@Element KV<String, Iterable<String>> lines) throws IOException {
      ObjectNode doc = JSON.createObjectNode().put("run_id", lines.getKey());
      ArrayNode entries = doc.putArray("entries");
      ArrayNode partitions = doc.putArray("partitions");
      for (String line : lines.getValue()) {
        if (line.startsWith(ENTRY)) {
          String[] countAndKey = line.substring(1).split("\t", 2);
          Tally t = Tally.parse(countAndKey[1]);
          entries.addObject().put("kind", t.kind().name()).put("detail", t.detail())
              .put("hour", t.hour()).put("source", t.source())
              .put("count", Long.parseLong(countAndKey[0]));
        } else if (line.startsWith(PARTITION)) {
          partitions.add(JSON.readTree(line.substring(1)));
        }
      }
      LakeFiles.replace(path, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc), "ledger");
    }
  }
}
