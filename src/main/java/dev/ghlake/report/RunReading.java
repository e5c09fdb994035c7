package dev.ghlake.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ghlake.accounting.Tally;
import dev.ghlake.commit.PartitionResult;
import dev.ghlake.commit.RunLedger;
import dev.ghlake.model.LakePaths;
import dev.ghlake.model.RunIds;
import dev.ghlake.storage.LakeRecordException;
import dev.ghlake.storage.RunRecords;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** A run's records ({@code _runs/<run>/}) read: its summary when the run kept one, else its ledger. */
final class RunReading {
  /** @param kept the partitions the run left as the lake had them, with why */
  record Run(RunState state, Map<String, String> kept) {}

  private RunReading() {}

  static Run of(LakePaths lake, String runId) {
    JsonNode summary = LakeReading.tree(RunRecords.summary(lake, runId));
    Instant started = RunIds.startOf(runId);
    Map<String, String> kept = new TreeMap<>();
    if (summary != null) {
      for (String line : ManifestReading.strings(summary.path("partitions_kept"))) {
        int colon = line.indexOf(": ");
        kept.put(colon < 0 ? line : line.substring(0, colon), colon < 0 ? "" : line.substring(colon + 2));
      }
      return new Run(new RunState(runId, started, summary.path("window").asText(null),
          summary.path("status").asText(null), summary.path("seconds").asDouble(-1),
          summary.path("read").asLong(), summary.path("written").asLong(), summary.path("partitions").asInt(),
          summary.path("cost").path("total_usd").asDouble(-1)), kept);
    }
    RunLedger ledger;
    try {
      ledger = RunLedger.read(RunRecords.ledger(lake, runId));
    } catch (FileNotFoundException | NoSuchFileException e) { // it died before its end, or is running now
      return new Run(new RunState(runId, started, null, "no record", -1, 0, 0, 0, -1), kept);
    } catch (LakeRecordException e) { // its message names the file and what to do
      throw new UncheckedIOException(e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(RunRecords.ledger(lake, runId) + ": " + e.getMessage(), e);
    }
    int partitions = 0;
    for (PartitionResult p : ledger.partitions()) {
      if (p.committed()) {
        partitions++;
      } else {
        kept.put(p.partition(), String.join("; ", p.gaps()));
      }
    }
    return new Run(new RunState(runId, started, null, null, -1, ledger.total(Tally.Kind.READ),
        ledger.total(Tally.Kind.WRITTEN), partitions, -1), kept);
  }
}
