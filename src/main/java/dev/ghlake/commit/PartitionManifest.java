package dev.ghlake.commit;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ghlake.accounting.SourceOutcome;
import dev.ghlake.profile.DriftFinding;
import dev.ghlake.profile.PartitionProfile;
import dev.ghlake.storage.LakeFiles;
import dev.ghlake.storage.LakeRecordException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A partition's {@code _manifest.json}: the files that are its content, whether it is complete,
 * the counts that account for them, where they came from and which run wrote them (docs/lake.md,
 * "Manifests").
 */
public final class PartitionManifest {
  public static final String NAME = "_manifest.json";

  private PartitionManifest() {}

  /**
   * The text of the manifest at this path, null when there is none; one that is not a manifest
   * (not JSON, no file list) fails the run naming it: without it, which files are the
   * partition's is unknown, and guessing could delete data or list it twice.
   */
  public static String read(String path) throws IOException {
    String text = LakeFiles.readIfExists(path);
    if (text == null) {
      return null;
    }
    String remedy = "it is the commit record of its partition; restore it (S3 versioning, a "
        + "backup), or delete the partition's folder and load its window again";
    JsonNode tree;
    try {
      tree = ManifestRecord.JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new LakeRecordException(path, "not JSON: " + e.getOriginalMessage(), remedy);
    }
    ManifestRecord m;
    try {
      m = ManifestRecord.JSON.treeToValue(tree, ManifestRecord.class);
    } catch (JsonProcessingException e) { // JSON, but a field of the wrong kind
      throw new LakeRecordException(path, "not a manifest: " + e.getOriginalMessage(), remedy);
    }
    if (m == null || m.files() == null) {
      throw new LakeRecordException(path, "no list of files", remedy);
    }
    return text;
  }

  /** What one manifest says. */
  record Content(String partition, PartitionContents contents, boolean complete, List<String> gaps,
      List<String> missingHours, Map<String, SourceOutcome> sources, List<String> warnings,
      List<DriftFinding> findings) {}

  static String toJson(CommitSpec spec, Content c, String finishedAt) {
    PartitionContents in = c.contents();
    List<ManifestRecord.Source> sources = new ArrayList<>();
    in.eventsBySource.forEach((name, events) -> {
      SourceOutcome s = c.sources().get(name);
      sources.add(new ManifestRecord.Source(name, s == null ? name : s.path(), s == null ? 0 : s.bytes(), events));
    });
    JsonNode options = parse(spec.optionsJson());
    return new ManifestRecord(c.partition(), c.complete() ? "complete" : "incomplete", spec.runId(),
        spec.version(), spec.startedAt(), finishedAt, spec.window(), options,
        Filters.describe(options), // which events it holds
        new ManifestRecord.Counts(in.written(), in.writtenByType, in.filteredByReason, in.duplicates),
        in.files.stream().map(f -> new ListedFile(f.name(), f.rows(), f.bytes())).toList(), sources,
        c.gaps(), c.missingHours(), c.warnings(),
        c.findings().stream().map(f -> new ManifestRecord.Finding(f.level().name(), f.measure(), f.baseline(), f.now())).toList(),
        in.profile.toJson()).toJson();
  }

  /** A manifest's text as its record; text that {@link #read} let through always parses. */
  private static ManifestRecord record(String manifestJson) {
    try {
      return ManifestRecord.parse(manifestJson);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Events by type of a manifest, as the completeness check compares them. */
  public static Map<String, Long> byType(String manifestJson) {
    return new TreeMap<>(record(manifestJson).counts().byType());
  }

  /** The profile a manifest holds (empty for manifests written before profiles). */
  static PartitionProfile profile(String manifestJson) {
    return PartitionProfile.fromJson(record(manifestJson).profile());
  }

  /** The rows a manifest's partition holds. */
  static long rows(String manifestJson) {
    return record(manifestJson).counts().written();
  }

  /** The run that wrote a manifest. */
  static String runId(String manifestJson) {
    return record(manifestJson).runId();
  }

  /** The options of the run that wrote a manifest (a missing node for manifests without them). */
  static JsonNode options(String manifestJson) {
    return record(manifestJson).options();
  }

  /** A data file as a manifest lists it: its name in the partition's folder, rows and bytes. */
  @JsonPropertyOrder({"path", "rows", "bytes"})
  public record ListedFile(@JsonProperty("path") String name, long rows, long bytes) {}

  /** The data files a manifest lists. */
  public static List<ListedFile> files(String manifestJson) {
    List<ListedFile> files = record(manifestJson).files();
    return files == null ? List.of() : files;
  }

  /** The names of the data files a manifest lists. */
  public static List<String> fileNames(String manifestJson) {
    return files(manifestJson).stream().map(ListedFile::name).toList();
  }

  /** Whether a manifest says its partition is complete (manifests before statuses were: yes). */
  public static boolean isComplete(String manifestJson) {
    return record(manifestJson).complete();
  }

  /** JSON text as a tree: the run's options, which are free-form. */
  static JsonNode parse(String json) {
    try {
      return ManifestRecord.JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
