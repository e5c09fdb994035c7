package dev.ghlake.commit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import dev.ghlake.accounting.Tally;
import dev.ghlake.storage.LakeRecordException;
import dev.ghlake.summary.LiveCounts;
import dev.ghlake.summary.RunLimits;
import dev.ghlake.summary.RunSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** A ledger that does not add up fails the run, naming the numbers that disagree. */
public class RunLedgerTest {
  @Rule public TemporaryFolder tmp = new TemporaryFolder();

  private RunLedger ledger(String entries) throws Exception {
    Path f = tmp.newFile("ledger.json").toPath();
    Files.writeString(f, "{\"run_id\":\"r\",\"entries\":[" + entries + "],\"partitions\":[]}");
    return RunLedger.read(f.toString());
  }

  private static String entry(String kind, String detail, String source, long n) {
    return String.format("{\"kind\":\"%s\",\"detail\":\"%s\",\"hour\":\"\",\"source\":\"%s\",\"count\":%d}",
        kind, detail, source, n);
  }

  private static RunSummary summary(RunLedger ledger) {
    return new RunSummary("r", "/lake", null, ledger, 1, null, new RunLimits(0.5, false));
  }

  @Test
  public void aBalancedLedgerSucceeds() throws Exception {
    RunSummary s = summary(ledger(String.join(",", entry("READ", "", "a", 10),
        entry("WRITTEN", "PushEvent", "a", 7), entry("FILTERED", "bot", "a", 1),
        entry("DUPLICATE", "", "a", 1), entry("REJECTED", "invalid_json", "a", 1))));
    assertEquals(RunSummary.Status.success, s.status());
    assertTrue(s.identityHolds());
  }

  @Test
  public void aLostEventFailsTheRunAndSaysWhere() throws Exception {
    RunSummary s = summary(ledger(String.join(",", entry("READ", "", "a", 10),
        entry("WRITTEN", "PushEvent", "a", 6), entry("READ", "", "b", 5),
        entry("WRITTEN", "PushEvent", "b", 6))));
    assertEquals(RunSummary.Status.failed, s.status());
    assertFalse(s.identityHolds());
    List<String> f = s.failures();
    assertTrue(f.toString(), f.contains("accounting does not add up: read 15 but written 12 + "
        + "filtered 0 + duplicates 0 + outside_window 0 + rejected 0 = 12"));
    assertTrue(f.toString(), f.contains("source does not add up: a: read 10, accounted 6"));
    assertTrue(f.toString(), f.contains("source does not add up: b: read 5, accounted 6"));
  }

  @Test
  public void aRunThatFailedBeforeItsLedgerSaysWhatFailedAndHowFarItGot() {
    RunSummary s = RunSummary.failed("r", "/lake", null, "the pipeline failed: IOException: "
        + "No space left on device", new LiveCounts(120, 100, 5000), 1);
    assertEquals(RunSummary.Status.failed, s.status());
    assertEquals(List.of("the pipeline failed: IOException: No space left on device"), s.failures());
    assertEquals(120, s.read());
    assertEquals(100, s.written());
    assertFalse(s.hasLedger());
    assertTrue(s.warnings().toString(), s.warnings().get(0).startsWith("counts are the live counters"));
    assertFalse("no accounting claim without a ledger", s.toJson().contains("DOES NOT"));
  }

  @Test
  public void aLedgerOfAnotherVersionIsReadFieldsItLacksAsEmptyFieldsItAddsSkipped() throws Exception {
    Path f = tmp.newFile("other.json").toPath();
    Files.writeString(f, "{\"run_id\":\"r\",\"added_later\":1,\"entries\":[" + entry("READ", "", "a", 3)
        + "],\"partitions\":[{\"partition\":\"dt=2024-07-01/hour=00\",\"committed\":false,"
        + "\"complete\":false,\"gaps\":[\"2024-07-01-0.json.gz is missing\"],\"shards\":4}]}");
    RunLedger ledger = RunLedger.read(f.toString());
    assertEquals(3, ledger.total(Tally.Kind.READ));
    assertEquals(List.of(), ledger.sources());
    PartitionResult kept = ledger.partitions().get(0);
    assertEquals(List.of("2024-07-01-0.json.gz is missing"), kept.gaps());
    assertEquals(List.of(), kept.warnings());
    assertEquals(List.of(), kept.findings());
    assertEquals(List.of("dt=2024-07-01/hour=00: 2024-07-01-0.json.gz is missing"), summary(ledger).kept());
  }

  @Test
  public void aLedgerWhoseCountIsNoNumberIsRefusedNamingTheFileNotReadAsZero() throws Exception {
    Path f = tmp.newFile("edited.json").toPath();
    Files.writeString(f, "{\"run_id\":\"r\",\"entries\":[{\"kind\":\"READ\",\"detail\":\"\","
        + "\"hour\":\"\",\"source\":\"a\",\"count\":\"many\"}],\"partitions\":[]}");
    LakeRecordException e = assertThrows(LakeRecordException.class, () -> RunLedger.read(f.toString()));
    assertTrue(e.getMessage(), e.getMessage().contains(f.toString()) && e.getMessage().contains("restore it"));
    Files.writeString(f, "{\"run_id\":");
    assertThrows(LakeRecordException.class, () -> RunLedger.read(f.toString()));
  }
}
