package dev.ghlake.profile;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ghlake.coders.EnumCoder;
import dev.ghlake.coders.RecordCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;

/**
 * One way a partition differs from the lake's baseline before it: which partition, which
 * measure, what the baseline was and what it is now. An {@code error} makes the run
 * {@code suspect}; a {@code warn} is reported only.
 */
public record DriftFinding(Level level, String partition, String measure, String baseline, String now) {
  public enum Level { warn, error }

  /**
   * One line for people: {@code error dt=…/hour=05 PushEvent payload key 'size': 100% → 0%}; the
   * ledger and the summary carry it beside the fields.
   */
  @JsonProperty("text")
  public String text() {
    return level + " " + partition + " " + measure + ": baseline " + baseline + ", now " + now;
  }

  /** Coder: findings travel with the partition's result to the ledger. */
  public static RecordCoder<DriftFinding> coder() {
    return CODER;
  }

  private static final RecordCoder<DriftFinding> CODER = RecordCoder.of(DriftFinding.class,
      EnumCoder.of(Level.class), StringUtf8Coder.of(), StringUtf8Coder.of(), StringUtf8Coder.of(),
      StringUtf8Coder.of());
}
