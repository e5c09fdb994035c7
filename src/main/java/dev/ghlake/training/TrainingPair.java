package dev.ghlake.training;

import dev.ghlake.coders.RecordCoder;
import org.apache.beam.sdk.coders.BooleanCoder;
import org.apache.beam.sdk.coders.DoubleCoder;
import org.apache.beam.sdk.coders.VarLongCoder;

/**
 * One (user, repository) pair of the training set: its weight (the confidence implicit-feedback
 * recommenders take) and the time of its latest interaction, in the train or the test split.
 */
public record TrainingPair(boolean test, long actorId, long repoId, double weight, long timestampSeconds) {

  /** Coder: its components in order (the record is never null). */
  public static RecordCoder<TrainingPair> coder() {
    return CODER;
  }

  private static final RecordCoder<TrainingPair> CODER = RecordCoder.of(TrainingPair.class,
      BooleanCoder.of(), VarLongCoder.of(), VarLongCoder.of(), DoubleCoder.of(), VarLongCoder.of());
}
