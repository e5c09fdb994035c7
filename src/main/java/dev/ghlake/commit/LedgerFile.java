package dev.ghlake.commit;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.ghlake.accounting.SourceOutcome;
import dev.ghlake.accounting.Tally;
import java.util.List;

/**
 * A run's ledger file, {@code _runs/<run>/ledger.json}, as {@link WriteRunLedger} writes it and
 * {@link RunLedger} reads it: every tally's total, every source's outcome, every partition's
 * result (docs/lake.md). Jackson maps the records field by field, so the writer and the reader
 * cannot disagree about a name.
 */
record LedgerFile(@JsonProperty("run_id") String runId, List<Entry> entries, List<SourceOutcome> sources,
    List<PartitionResult> partitions) {

  /** One tally's total: how many lines of a source, for an hour, ended as this kind and detail. */
  record Entry(Tally.Kind kind, String detail, String hour, String source, long count) {}

  // a field a later version adds is skipped; one an earlier version lacked reads as empty
  private static final ObjectMapper JSON = new ObjectMapper()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .setDefaultSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY));

  static ObjectWriter writer() {
    return JSON.writerWithDefaultPrettyPrinter();
  }

  static ObjectReader reader() {
    return JSON.readerFor(LedgerFile.class);
  }
}
