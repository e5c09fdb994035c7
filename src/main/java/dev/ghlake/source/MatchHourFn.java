package dev.ghlake.source;

import dev.ghlake.model.Accounting;
import java.io.IOException;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.metrics.StringSet;
import org.apache.beam.sdk.transforms.DoFn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Looks up one expected hour file; an absent hour is recorded as missing, not a failure. */
class MatchHourFn extends DoFn<String, MatchResult.Metadata> {
  private static final Logger LOG = LoggerFactory.getLogger(MatchHourFn.class);

  private final Counter missing = Metrics.counter(Accounting.NAMESPACE, Accounting.MISSING_FILES);
  private final StringSet missingNames =
      Metrics.stringSet(Accounting.NAMESPACE, Accounting.MISSING_FILES);

  @ProcessElement
  public void process(@Element String path, OutputReceiver<MatchResult.Metadata> out)
      throws IOException {
    MatchResult match = FileSystems.match(List.of(path), EmptyMatchTreatment.ALLOW).get(0);
    if (match.status() == MatchResult.Status.ERROR) {
      throw new IOException("Cannot look up archive file " + path + ": check --input and access");
    }
    List<MatchResult.Metadata> found = match.status() == MatchResult.Status.OK
        ? match.metadata() : List.of();
    if (found.isEmpty()) {
      LOG.warn("Missing archive hour: {}", path);
      missing.inc();
      missingNames.add(path);
    }
    found.forEach(out::output);
  }
}
