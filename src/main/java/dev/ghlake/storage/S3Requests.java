package dev.ghlake.storage;

import dev.ghlake.model.Counters;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ToLongFunction;
import org.apache.beam.sdk.metrics.MetricName;
import org.apache.beam.sdk.metrics.MetricsContainer;
import org.apache.beam.sdk.metrics.MetricsEnvironment;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * The S3 requests this process sends, counted by how S3 bills them: "PUT, COPY, POST, LIST"
 * requests, "GET, SELECT and all other" requests, and DELETE and CANCEL, which are free (Amazon S3
 * pricing, "Requests & data retrievals", S3 Standard). Every attempt is counted, retries too: S3
 * bills each. Beam's S3 client and the lease store's get the counter through
 * {@link CountingS3ClientBuilderFactory}.
 *
 * <p>A request sent from a pipeline's step (a worker's DoFn: reading archive files, writing
 * Parquet, committing partitions) is counted in Beam counters of that step, which the runner
 * gathers from every worker, on Flink from other machines too ({@link #fromCounters}); any other
 * (the run's planning, leases, its records) in this process's own counts ({@link #now}). Each
 * request is counted once, in one of the two. Beam's S3 filesystem sends some requests (the HEADs
 * of a match, the copies of a rename) from its own thread pool, where no step is current: in the
 * process that runs the orchestration ({@link #countHere}) they are its own; in a worker's (a Flink
 * TaskManager) they wait and go to the counters of the next step that sends a request there, or
 * calls {@link #settle}.
 */
public final class S3Requests {
  /** How S3 bills a request: this process's count, a worker's waiting count, the step counter. */
  private enum Billing {
    WRITES("s3_put_copy_post_list"),
    READS("s3_get_and_other"),
    FREE("s3_free");

    final LongAdder own = new LongAdder();
    /** Requests a worker sent outside its steps, until a step takes them into its counters. */
    final LongAdder waiting = new LongAdder();
    final MetricName counter;

    Billing(String counter) {
      this.counter = MetricName.named(Counters.NAMESPACE, counter);
    }
  }

  private static volatile boolean orchestrationHere;
  private static final Set<String> FREE_OPERATIONS = Set.of("DeleteObject", "DeleteObjects", "AbortMultipartUpload");

  /** Counts so far: PUT/COPY/POST/LIST, GET and the others, DELETE/CANCEL (free). */
  public record Counts(long putCopyPostList, long getAndOther, long free) {
    public Counts minus(Counts earlier) {
      return new Counts(putCopyPostList - earlier.putCopyPostList, getAndOther - earlier.getAndOther,
          free - earlier.free);
    }

    public Counts plus(Counts other) {
      return new Counts(putCopyPostList + other.putCopyPostList, getAndOther + other.getAndOther,
          free + other.free);
    }
  }

  /** The interceptor S3 clients are built with. */
  static final ExecutionInterceptor INTERCEPTOR = new ExecutionInterceptor() {
    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
      count(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    }
  };

  private S3Requests() {}

  public static Counts now() {
    return new Counts(Billing.WRITES.own.sum(), Billing.READS.own.sum(), Billing.FREE.own.sum());
  }

  /**
   * Marks this process as the one that runs the orchestration: requests outside steps are its own,
   * and so are those it sent before (a dry run, a Lambda's planning): they are not the next step's.
   */
  public static void countHere() {
    orchestrationHere = true;
    for (Billing billing : Billing.values()) {
      billing.own.add(billing.waiting.sumThenReset());
    }
  }

  static void count(String operation) {
    Billing billing = billingClass(operation);
    MetricsContainer step = currentStep();
    if (step == null) {
      (orchestrationHere ? billing.own : billing.waiting).increment();
      return;
    }
    step.getCounter(billing.counter).inc();
    settle(step);
  }

  /** Moves the requests sent outside steps in a worker to the current step's counters. */
  public static void settle() {
    MetricsContainer step = currentStep();
    if (step != null) {
      settle(step);
    }
  }

  private static void settle(MetricsContainer step) {
    for (Billing billing : Billing.values()) {
      long n = billing.waiting.sumThenReset();
      if (n > 0) {
        step.getCounter(billing.counter).inc(n);
      }
    }
  }

  /** The step this thread runs in, if any (setCurrentContainer, unlike getCurrentContainer, does not log). */
  private static MetricsContainer currentStep() {
    MetricsContainer step = MetricsEnvironment.setCurrentContainer(null);
    MetricsEnvironment.setCurrentContainer(step);
    return step;
  }

  /** The requests the pipeline's steps counted, from the run's Beam counters by name. */
  public static Counts fromCounters(ToLongFunction<String> counter) {
    return new Counts(counter.applyAsLong(Billing.WRITES.counter.getName()),
        counter.applyAsLong(Billing.READS.counter.getName()), counter.applyAsLong(Billing.FREE.counter.getName()));
  }

  private static Billing billingClass(String operation) {
    if (operation == null) {
      return Billing.READS;
    }
    if (FREE_OPERATIONS.contains(operation)) {
      return Billing.FREE;
    }
    // PutObject, CopyObject, UploadPart(Copy), Create/CompleteMultipartUpload, List*
    boolean write = operation.startsWith("Put") || operation.startsWith("Copy") || operation.startsWith("Upload")
        || operation.startsWith("Create") || operation.startsWith("Complete") || operation.startsWith("List");
    return write ? Billing.WRITES : Billing.READS;
  }
}
