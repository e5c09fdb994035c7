package dev.ghlake.cli;

import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Production settings for the DirectRunner: its immutability and encodability checks cost 3–5×
 * on Parquet writes, so they are off unless the command line sets them; and one worker per core.
 */
public final class DirectRunnerTuning {
  private DirectRunnerTuning() {}

  public static void apply(PipelineOptions options, String[] args) {
    if (options.getRunner() != DirectRunner.class) {
      return;
    }
    DirectOptions direct = options.as(DirectOptions.class);
    if (!CommandLine.names(args, "enforceImmutability")) {
      direct.setEnforceImmutability(false);
    }
    if (!CommandLine.names(args, "enforceEncodability")) {
      direct.setEnforceEncodability(false);
    }
    if (!CommandLine.names(args, "targetParallelism")) {
      // one worker per core (Beam's default is at least 3): each builds one file at a time, and
      // the memory a run needs is about one file per worker
      direct.setTargetParallelism(Runtime.getRuntime().availableProcessors());
    }
  }
}
