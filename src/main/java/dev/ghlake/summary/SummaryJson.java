package dev.ghlake.summary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;

/**
 * The summaries as users read them (--summaryFile, the Lambda response): one shape for a run
 * ({@link RunSummaryRecord}), one for a batch of runs ({@link BatchSummaryRecord}), which holds its
 * runs' summaries as they are.
 */
final class SummaryJson {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SummaryJson() {}

  static String of(RunSummary s) {
    return write(RunSummaryRecord.of(s));
  }

  static String of(BatchSummary b) {
    List<BatchSummaryRecord.Window> windows = b.attempted().stream().map(u -> new BatchSummaryRecord.Window(
        u.window(), u.status().name(), u.written(), u.partitions(), u.runId(), u.note())).toList();
    List<String> alreadyComplete = b.units().stream()
        .filter(u -> u.status() == BatchSummary.UnitStatus.complete).map(BatchSummary.Unit::window).toList();
    return write(new BatchSummaryRecord(b.status().name(), b.kind(), b.report(), b.cost().fields(), b.units().size(),
        b.count(BatchSummary.UnitStatus.success), b.count(BatchSummary.UnitStatus.incomplete),
        b.count(BatchSummary.UnitStatus.failed), b.count(BatchSummary.UnitStatus.not_run),
        b.count(BatchSummary.UnitStatus.complete), b.read(), b.written(), b.partitions(), b.files(), b.bytes(),
        b.identityHolds(), RunSummaryRecord.tenths(b.seconds()), windows, alreadyComplete, b.missingHours(),
        b.failures(), b.runs().stream().map(RunSummaryRecord::of).toList(), b.notifyError()));
  }

  private static String write(Object summary) {
    try {
      return JSON.writeValueAsString(summary);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a summary of strings, numbers and lists must serialise", e);
    }
  }
}
