package dev.ghlake.summary;

import dev.ghlake.notify.SlackMessage;
import java.util.Map;

/**
 * What a run or a batch says in Slack: the status at a glance, the counts, where the data is, and
 * what went wrong, composed of notify's Block Kit blocks (which keep Slack's limits and redact).
 */
public final class RunMessage {
  private RunMessage() {}

  public static SlackMessage of(RunSummary s, String version) {
    String status = switch (s.status()) {
      case success -> ":white_check_mark: ghlake run succeeded";
      case incomplete -> ":warning: ghlake run incomplete";
      case suspect -> ":mag: ghlake run suspect: GH Archive's data drifted";
      case failed -> ":x: ghlake run failed";
    };
    SlackMessage m = SlackMessage.titled(String.format(
        "%s: read %,d, written %,d, filtered %,d, rejected %,d, duplicates %,d%s → %s",
        status.substring(status.indexOf(' ') + 1), s.read(), s.written(), sum(s.filtered()),
        sum(s.rejected()), s.duplicates(), s.window() == null ? "" : " (window " + s.window() + ")",
        s.output()));
    m.header(status);
    m.fields(
        "*Window*\n" + (s.window() == null ? "none" : SlackMessage.code(s.window())),
        "*Output*\n" + SlackMessage.code(s.output()),
        String.format("*Read*\n%,d", s.read()),
        String.format("*Written*\n%,d", s.written()),
        String.format("*Filtered*\n%,d%s", sum(s.filtered()), top(s.filtered())),
        String.format("*Rejected*\n%,d%s", sum(s.rejected()), top(s.rejected())),
        String.format("*Duplicates*\n%,d", s.duplicates()),
        String.format("*Outside window*\n%,d", s.outsideWindow()),
        String.format("*Partitions · files*\n%,d · %,d (%,.1f MB)", s.partitions().size(), s.files(), s.bytes() / 1e6),
        String.format("*Duration*\n%.1f s", s.seconds()));
    m.list(":x: Failed", s.failures());
    m.list(":hole: Missing hours", s.missingHours());
    m.list(":lock: Partitions kept as the lake had them", s.kept());
    m.list(":jigsaw: Partitions written incomplete", s.incompletePartitions());
    m.list(":mag: Drift against the lake's baseline", s.findingLines());
    m.list(":warning: Warnings", s.warnings());
    m.context("run " + s.runId() + " · ghlake " + version + " · accounting "
        + (!s.hasLedger() ? "not proven: the run failed before its ledger"
            : s.identityHolds() ? "adds up" : "DOES NOT add up") + " · cost " + s.cost().describe());
    return m;
  }

  /**
   * A batch's one message (a backfill, a Lambda invocation): a batch of a single run of a single
   * unit is that run's own message.
   */
  public static SlackMessage of(BatchSummary b, String version) {
    // one window, one run, the same verdict: the run's own message says it all (a unit can
    // differ from its run, e.g. a missing hour of the run that is outside the unit)
    SlackMessage m = b.attempted().size() == 1 && b.runs().size() == 1 && b.runs().get(0).status() == b.status()
        ? of(b.runs().get(0), version) : batch(b, version);
    if (b.cost().lambdaGbSeconds() > 0) {
      m.context(":moneybag: This invocation cost " + b.cost().describe());
    }
    if (b.report() != null) {
      m.context(":bar_chart: Health report: " + b.report());
    }
    return m;
  }

  private static SlackMessage batch(BatchSummary b, String version) {
    String status = switch (b.status()) {
      case success -> ":white_check_mark: ghlake " + b.kind() + " succeeded";
      case incomplete -> ":warning: ghlake " + b.kind() + " incomplete";
      case suspect -> ":mag: ghlake " + b.kind() + " suspect: GH Archive's data drifted";
      case failed -> ":x: ghlake " + b.kind() + " failed";
    };
    long done = b.count(BatchSummary.UnitStatus.success) + b.count(BatchSummary.UnitStatus.complete);
    SlackMessage m = SlackMessage.titled(String.format("%s: %d of %d unit(s) complete, "
        + "read %,d, written %,d", status.substring(status.indexOf(' ') + 1), done, b.units().size(),
        b.read(), b.written()));
    m.header(status);
    m.fields(
        String.format("*Units*\n%,d of %,d complete (%,d already were)", done, b.units().size(),
            b.count(BatchSummary.UnitStatus.complete)),
        String.format("*Failed · incomplete · not run*\n%,d · %,d · %,d", b.count(BatchSummary.UnitStatus.failed),
            b.count(BatchSummary.UnitStatus.incomplete), b.count(BatchSummary.UnitStatus.not_run)),
        String.format("*Read*\n%,d", b.read()),
        String.format("*Written*\n%,d", b.written()),
        String.format("*Partitions · files*\n%,d · %,d (%,.1f MB)", b.partitions(), b.files(), b.bytes() / 1e6),
        String.format("*Duration*\n%.1f s", b.seconds()),
        String.format("*Cost*\n$%.4f", b.cost().totalUsd()));
    m.list(":x: Failed", b.failures());
    m.list(":hole: Missing hours", b.missingHours());
    m.list(":lock: Partitions kept as the lake had them", b.kept());
    m.list(":mag: Drift against the lake's baseline",
        b.runs().stream().flatMap(r -> r.findingLines().stream()).toList());
    m.list(":clipboard: Units", b.linesWorthReading());
    m.context("ghlake " + version + " · " + b.units().size() + " unit(s) · " + b.runs().size()
        + " run(s) · accounting " + (b.identityHolds() ? "adds up" : "not proven for every run"));
    return m;
  }


  private static String top(Map<String, Long> byReason) {
    return byReason.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(3).map(e -> String.format("\n%s %,d", e.getKey(), e.getValue()))
        .reduce("", String::concat);
  }

  private static long sum(Map<String, Long> m) {
    return m.values().stream().mapToLong(Long::longValue).sum();
  }
}
