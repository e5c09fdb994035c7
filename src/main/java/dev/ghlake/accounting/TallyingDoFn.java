package dev.ghlake.accounting;

import org.apache.beam.sdk.transforms.DoFn;

/**
 * A DoFn that keeps tallies: counted per bundle in {@link #tallies()}, emitted to {@link
 * Tallies#TAG} when the bundle finishes. Subclasses must not declare their own
 * {@code @StartBundle} or {@code @FinishBundle}; they may override {@link #finishBundle}.
 */
public abstract class TallyingDoFn<InputT, OutputT> extends DoFn<InputT, OutputT> {
  private transient Tallies tallies;

  protected Tallies tallies() {
    return tallies;
  }

  @StartBundle
  public void startTallies() {
    tallies = new Tallies();
  }

  @FinishBundle
  public void flushTallies(FinishBundleContext context) throws Exception {
    finishBundle(context);
    tallies.flush(context);
  }

  /** What a subclass does at the end of a bundle, before its tallies are emitted. */
  protected void finishBundle(FinishBundleContext context) throws Exception {}
}
