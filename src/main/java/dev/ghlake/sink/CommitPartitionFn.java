package dev.ghlake.sink;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits one partition, after its data files are in place: writes its manifest (the commit
 * point), then deletes the files of earlier versions. Outputs a one-line JSON result for the run.
 */
class CommitPartitionFn extends DoFn<KV<String, Iterable<String>>, String> {
  private static final Logger LOG = LoggerFactory.getLogger(CommitPartitionFn.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CommitSpec spec;
  private final PCollectionView<Map<String, String>> sourcePaths;
  private final PCollectionView<Map<String, Map<String, Long>>> runByType;

  CommitPartitionFn(CommitSpec spec, PCollectionView<Map<String, String>> sourcePaths,
      PCollectionView<Map<String, Map<String, Long>>> runByType) {
    this.spec = spec;
    this.sourcePaths = sourcePaths;
    this.runByType = runByType;
  }

  @ProcessElement
  public void process(ProcessContext c) throws IOException {
    String partition = c.element().getKey();
    PartitionContents contents = PartitionContents.of(c.element().getValue());
    if (!contents.isCommittable()) {
      return;
    }
    List<PartitionManifest.FileEntry> files = files(contents);
    List<String> warnings = spec.completeness().warnings(
        partition, contents.writtenByType, history(partition, c.sideInput(runByType)));
    String manifest = PartitionManifest.toJson(spec, partition, contents, files,
        sources(contents, c.sideInput(sourcePaths)), warnings, Instant.now().toString());

    String folder = spec.folder(partition);
    LakeFiles.replace(folder + "/" + PartitionManifest.NAME, manifest, spec.runId());
    List<String> keep = files.stream().map(PartitionManifest.FileEntry::name).toList();
    int stale = LakeFiles.deleteExcept(folder + "/*.parquet", keep);
    LOG.info("Committed {}: {} rows in {} files, {} older files removed",
        partition, contents.written(), files.size(), stale);

    ObjectNode result = JSON.createObjectNode()
        .put("partition", partition)
        .put("written", contents.written())
        .put("files", files.size())
        .put("bytes", files.stream().mapToLong(PartitionManifest.FileEntry::bytes).sum());
    result.set("warnings", JSON.valueToTree(warnings));
    c.output(JSON.writeValueAsString(result));
  }

  private static List<PartitionManifest.FileEntry> files(PartitionContents c) throws IOException {
    List<PartitionManifest.FileEntry> files = new ArrayList<>();
    for (Map.Entry<String, String> f : c.fileByStem.entrySet()) {
      String name = f.getValue().substring(f.getValue().lastIndexOf('/') + 1);
      files.add(new PartitionManifest.FileEntry(name, c.rowsByStem.getOrDefault(f.getKey(), 0L),
          LakeFiles.size(f.getValue())));
    }
    return files;
  }

  private static List<PartitionManifest.SourceEntry> sources(
      PartitionContents c, Map<String, String> pathsAndBytes) {
    List<PartitionManifest.SourceEntry> sources = new ArrayList<>();
    c.eventsBySource.forEach((name, events) -> {
      String[] pathAndBytes = pathsAndBytes.getOrDefault(name, name + "\t0").split("\t");
      sources.add(new PartitionManifest.SourceEntry(
          name, pathAndBytes[0], Long.parseLong(pathAndBytes[1]), events));
    });
    return sources;
  }

  /** Events by type of the partitions before this one: this run's, else the lake's manifests. */
  private List<Map<String, Long>> history(String partition, Map<String, Map<String, Long>> thisRun)
      throws IOException {
    List<Map<String, Long>> history = new ArrayList<>();
    for (String earlier : PartitionPath.previous(partition, CommitSpec.HISTORY, spec.partitionBy())) {
      Map<String, Long> byType = thisRun.get(earlier);
      if (byType == null) {
        String manifest = LakeFiles.readIfExists(spec.folder(earlier) + "/" + PartitionManifest.NAME);
        byType = manifest == null ? null : PartitionManifest.byType(manifest);
      }
      if (byType != null && !byType.isEmpty()) {
        history.add(byType);
      }
    }
    return history;
  }
}
