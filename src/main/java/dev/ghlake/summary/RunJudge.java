package dev.ghlake.summary;

import dev.ghlake.accounting.SourceOutcome;
import dev.ghlake.commit.CommitVerdict;
import dev.ghlake.commit.RunLedger;
import dev.ghlake.profile.DriftFinding;
import java.util.List;
import java.util.Map;

/**
 * The verdicts on a run that left its ledger: what fails it (an identity that does not add up,
 * too many rejected lines, a missing hour under --failOnMissing, an unreachable source) and
 * what it should be warned of. The commit decided the same before it replaced anything
 * (CommitVerdict); this states them for people, from the ledger.
 */
final class RunJudge {
  private RunJudge() {}

  static void judge(RunSummary s, RunLedger ledger, RunLimits limits,
      List<String> failures, List<String> warnings) {
    if (s.read() != s.accounted()) {
      failures.add("accounting does not add up: read " + s.read() + " but written " + s.written()
          + " + filtered " + total(s.filtered()) + " + duplicates " + s.duplicates() + " + outside_window "
          + s.outsideWindow() + " + rejected " + total(s.rejected()) + " = " + s.accounted());
    }
    ledger.unbalancedSources().forEach(u -> failures.add("source does not add up: " + u));
    String rejected = new CommitVerdict(limits.maxRejectedRatio()).overRejected(total(s.rejected()), s.read());
    if (rejected != null) {
      failures.add(rejected + ": nothing was committed");
    }
    if (limits.failOnMissing() && !s.missingHours().isEmpty()) {
      failures.add(s.missingHours().size() + " archive hour(s) missing and --failOnMissing is set: "
          + "nothing was committed");
    }
    List<String> unreachable = s.unreachableSources();
    if (!unreachable.isEmpty()) {
      failures.add(unreachable.size() + " archive file(s) could not be fetched, the source is "
          + "unreachable (first: " + unreachable.get(0) + "): nothing was committed; check "
          + "--input, the network and the server, then run again");
    }
    s.brokenSources().forEach(b -> warnings.add(b + " could not be read to the end"));
    if (!s.missingHours().isEmpty()) {
      warnings.add(s.missingHours().size() + " archive hour(s) of the window missing");
    }
    List<String> margin = ledger.sourcePaths(SourceOutcome.Role.MARGIN, SourceOutcome.Status.MISSING);
    if (!margin.isEmpty()) {
      warnings.add(margin.size() + " file(s) after the window not available yet: events that "
          + "arrive late in them are not in this run");
    }
    ledger.partitions().forEach(p -> warnings.addAll(p.warnings()));
  }

  /** How a run ended: failed, suspect (an error-level drift finding), incomplete or success. */
  static RunSummary.Status status(RunSummary s, boolean ranWhole) {
    if (!ranWhole) {
      return RunSummary.Status.failed;
    }
    if (s.findings().stream().anyMatch(f -> f.level() == DriftFinding.Level.error)) {
      return RunSummary.Status.suspect;
    }
    boolean whole = s.missingHours().isEmpty() && s.brokenSources().isEmpty() && s.kept().isEmpty()
        && s.incompletePartitions().isEmpty();
    return whole ? RunSummary.Status.success : RunSummary.Status.incomplete;
  }

  private static long total(Map<String, Long> m) {
    return m.values().stream().mapToLong(Long::longValue).sum();
  }
}
