package dev.ghlake.run;

import java.util.Arrays;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Production settings for the DirectRunner: its immutability and encodability checks cost 3–5×
 * on Parquet writes, so they are off unless the command line sets them.
 */
public final class DirectRunnerTuning {
  private DirectRunnerTuning() {}

  public static void apply(PipelineOptions options, String[] args) {
    if (options.getRunner() != DirectRunner.class) {
      return;
    }
    DirectOptions direct = options.as(DirectOptions.class);
    if (!mentions(args, "enforceImmutability")) {
      direct.setEnforceImmutability(false);
    }
    if (!mentions(args, "enforceEncodability")) {
      direct.setEnforceEncodability(false);
    }
  }

  private static boolean mentions(String[] args, String option) {
    return Arrays.stream(args).anyMatch(a -> a.startsWith("--" + option));
  }
}
