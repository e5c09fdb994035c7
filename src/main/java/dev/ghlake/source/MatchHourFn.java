package dev.ghlake.source;

import dev.ghlake.accounting.Tallies;
import dev.ghlake.accounting.TallyingDoFn;
import dev.ghlake.accounting.Tally;
import dev.ghlake.model.Accounting;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks up one expected hour file. An absent hour of the window is a gap, recorded, not a
 * failure; an absent margin hour (late events not published yet) is only noted.
 */
class MatchHourFn extends TallyingDoFn<String, MatchResult.Metadata> {
  private static final Logger LOG = LoggerFactory.getLogger(MatchHourFn.class);

  private final Set<String> marginFiles;
  private final Counter missing = Metrics.counter(Accounting.NAMESPACE, Accounting.MISSING_FILES);

  MatchHourFn(Set<String> marginFiles) {
    this.marginFiles = marginFiles;
  }

  @ProcessElement
  public void process(@Element String path, MultiOutputReceiver out) throws IOException {
    MatchResult match = FileSystems.match(List.of(path), EmptyMatchTreatment.ALLOW).get(0);
    if (match.status() == MatchResult.Status.ERROR) {
      throw new IOException("Cannot look up archive file " + path + ": check --input and access");
    }
    List<MatchResult.Metadata> found =
        match.status() == MatchResult.Status.OK ? match.metadata() : List.of();
    if (found.isEmpty()) {
      boolean margin = marginFiles.contains(path);
      if (!margin) {
        LOG.warn("Missing archive hour: {}", path);
        missing.inc();
      }
      tallies().add(Tally.Kind.MISSING, margin ? "margin" : "window", "", path);
    }
    found.forEach(out.get(ReadArchiveFiles.FILES)::output);
  }
}
