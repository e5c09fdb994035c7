package dev.ghlake.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ghlake.model.LakePaths;
import dev.ghlake.model.PartitionBy;
import java.io.IOException;

/**
 * One lake, one layout: the first run records how the lake is partitioned in
 * {@code <lake>/_lake.json}, and a run with another layout is refused, since its partitions
 * would sit beside the others' and every event would be listed twice. A lake written before the
 * record existed is recognised by its manifests.
 */
public final class LakeLayout {
  private static final ObjectMapper JSON = new ObjectMapper();

  private LakeLayout() {}

  /** Checks (and on a new lake records) the layout; throws {@link IllegalArgumentException} on a mismatch. */
  public static void check(LakePaths lake, PartitionBy by, String runId, String version) throws IOException {
    String record = lake.layoutRecord();
    String text = LakeFiles.readIfExists(record);
    PartitionBy recorded = text != null ? recorded(record, text) : found(lake);
    if (recorded != null && recorded != by) {
      throw new IllegalArgumentException("the lake at " + lake + " is partitioned by " + recorded
          + " (" + (text != null ? "recorded in " + record : "as its manifests show")
          + "), and --partitionBy=" + by + " would put " + by + " partitions beside them, listing "
          + "every event twice. Use --partitionBy=" + recorded + ", or write " + by
          + " partitions to a new --output (reload the history there with ghlake backfill) and "
          + "switch readers to it");
    }
    if (text == null) {
      JsonNode json = JSON.createObjectNode().put("format", "ghlake")
          .put("partition_by", (recorded != null ? recorded : by).name())
          .put("created_by_run", runId).put("ghlake_version", version);
      LakeFiles.write(record, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
    }
  }

  /** The lake's layout: as recorded, else as its manifests show; null for a lake without either. */
  public static PartitionBy of(LakePaths lake) throws IOException {
    String text = LakeFiles.readIfExists(lake.layoutRecord());
    return text != null ? recorded(lake.layoutRecord(), text) : found(lake);
  }

  /** The layout the record names; a record that names none fails the run, naming the file. */
  private static PartitionBy recorded(String path, String text) throws LakeRecordException {
    String remedy = "it should read {\"format\": \"ghlake\", \"partition_by\": \"hour\"} (or "
        + "\"day\"); delete it and the next run writes it again from the lake's manifests";
    JsonNode record;
    try {
      record = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new LakeRecordException(path, "not JSON: " + e.getOriginalMessage(), remedy);
    }
    String by = record == null ? "" : record.path("partition_by").asText("");
    for (PartitionBy b : PartitionBy.values()) {
      if (b.name().equals(by)) {
        return b;
      }
    }
    throw new LakeRecordException(path, "partition_by is \"" + by + "\", not hour or day", remedy);
  }

  /** The layout of a lake without a record, from where its manifests are; null for a new lake. */
  private static PartitionBy found(LakePaths lake) throws IOException {
    if (!LakeFiles.match(lake.partition("dt=*/hour=*/_manifest.json")).isEmpty()) {
      return PartitionBy.hour;
    }
    return LakeFiles.match(lake.partition("dt=*/_manifest.json")).isEmpty() ? null : PartitionBy.day;
  }
}
