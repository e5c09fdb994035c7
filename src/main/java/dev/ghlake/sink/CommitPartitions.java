package dev.ghlake.sink;

import dev.ghlake.accounting.Tally;
import dev.ghlake.source.ArchiveHourNames;
import dev.ghlake.source.SourceNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * Makes the written files the partitions' content: per partition, after its files exist, a
 * {@code _manifest.json} (the commit point), then the files of earlier versions go. Partitions a
 * window claims are committed even when the run wrote nothing to them.
 *
 * <p>Input: the written files (stem, path). Output: one JSON result per partition.
 */
public class CommitPartitions extends PTransform<PCollection<KV<String, String>>, PCollection<String>> {
  private static final KvCoder<String, String> STRINGS = KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of());

  private final CommitSpec spec;
  private final transient PCollection<KV<String, Long>> ledger;

  private CommitPartitions(CommitSpec spec, PCollection<KV<String, Long>> ledger) {
    this.spec = spec;
    this.ledger = ledger;
  }

  /** {@code ledger}: the run's summed tallies, which give each partition its counts. */
  public static CommitPartitions of(CommitSpec spec, PCollection<KV<String, Long>> ledger) {
    return new CommitPartitions(spec, ledger);
  }

  @Override
  public PCollection<String> expand(PCollection<KV<String, String>> writtenFiles) {
    PCollection<KV<String, String>> files = writtenFiles
        .apply("FilesByPartition", ParDo.of(new FileLineFn())).setCoder(STRINGS);
    PCollection<KV<String, String>> entries = ledger
        .apply("EntriesByPartition", ParDo.of(new EntryLineFn(spec.partitionBy()))).setCoder(STRINGS);
    List<KV<String, String>> claims = new ArrayList<>();
    spec.windowPartitions().forEach(p -> claims.add(KV.of(p, PartitionContents.CLAIMED)));
    PCollection<KV<String, String>> claimed = writtenFiles.getPipeline()
        .apply("WindowPartitions", Create.of(claims).withCoder(STRINGS));

    PCollectionView<Map<String, String>> sourcePaths = ledger
        .apply("SourcePaths", ParDo.of(new SourcePathFn())).setCoder(STRINGS)
        .apply("SourcePathsView", View.asMap());
    PCollectionView<Map<String, Map<String, Long>>> runByType = entries
        .apply("WrittenByType", ParDo.of(new WrittenByTypeFn()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of())))
        .apply("GroupByPartition", GroupByKey.create())
        .apply("ToMaps", ParDo.of(new ToMapFn()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), MapCoder.of(StringUtf8Coder.of(), VarLongCoder.of())))
        .apply("RunByTypeView", View.asMap());

    return PCollectionList.of(files).and(entries).and(claimed)
        .apply("Gather", Flatten.pCollections())
        .apply("ByPartition", GroupByKey.create())
        .apply("Commit", ParDo.of(new CommitPartitionFn(spec, sourcePaths, runByType))
            .withSideInputs(sourcePaths, runByType))
        .setCoder(StringUtf8Coder.of());
  }

  static class FileLineFn extends DoFn<KV<String, String>, KV<String, String>> {
    @ProcessElement
    public void process(@Element KV<String, String> f, OutputReceiver<KV<String, String>> out) {
      out.output(KV.of(PartFileNaming.partitionOf(f.getKey()),
          PartitionContents.file(f.getKey(), f.getValue())));
    }
  }

  /** Ledger lines that belong to one partition: written, filtered, duplicates, file rows, gaps. */
  static class EntryLineFn extends DoFn<KV<String, Long>, KV<String, String>> {
    private final SinkOptions.PartitionBy by;

    EntryLineFn(SinkOptions.PartitionBy by) {
      this.by = by;
    }

    @ProcessElement
    public void process(@Element KV<String, Long> e, OutputReceiver<KV<String, String>> out) {
      Tally t = Tally.parse(e.getKey());
      switch (t.kind()) {
        case WRITTEN, FILTERED, DUPLICATE -> out.output(KV.of(PartitionPath.ofHour(t.hour(), by),
            PartitionContents.entry(e.getKey(), e.getValue())));
        case FILE_ROWS -> out.output(KV.of(PartFileNaming.partitionOf(t.detail()),
            PartitionContents.entry(e.getKey(), e.getValue())));
        case MISSING -> {
          String hour = ArchiveHourNames.utcHourOf(SourceNames.of(t.source()));
          if ("window".equals(t.detail()) && hour != null) {
            out.output(KV.of(PartitionPath.ofHour(hour, by),
                PartitionContents.MISSING + "\t" + t.source()));
          }
        }
        default -> { }
      }
    }
  }

  static class SourcePathFn extends DoFn<KV<String, Long>, KV<String, String>> {
    @ProcessElement
    public void process(@Element KV<String, Long> e, OutputReceiver<KV<String, String>> out) {
      Tally t = Tally.parse(e.getKey());
      if (t.kind() == Tally.Kind.SOURCE_BYTES) {
        out.output(KV.of(t.source(), t.detail() + "\t" + e.getValue()));
      }
    }
  }

  static class WrittenByTypeFn extends DoFn<KV<String, String>, KV<String, KV<String, Long>>> {
    @ProcessElement
    public void process(@Element KV<String, String> line, OutputReceiver<KV<String, KV<String, Long>>> out) {
      String[] p = line.getValue().split("\t", 3);
      if (PartitionContents.ENTRY.equals(p[0])) {
        Tally t = Tally.parse(p[2]);
        if (t.kind() == Tally.Kind.WRITTEN) {
          out.output(KV.of(line.getKey(), KV.of(t.detail(), Long.parseLong(p[1]))));
        }
      }
    }
  }

  static class ToMapFn extends DoFn<KV<String, Iterable<KV<String, Long>>>, KV<String, Map<String, Long>>> {
    @ProcessElement
    public void process(@Element KV<String, Iterable<KV<String, Long>>> in,
        OutputReceiver<KV<String, Map<String, Long>>> out) {
      Map<String, Long> byType = new HashMap<>();
      in.getValue().forEach(kv -> byType.merge(kv.getKey(), kv.getValue(), Long::sum));
      out.output(KV.of(in.getKey(), byType));
    }
  }
}
